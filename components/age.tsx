'use client';

import { formatAge } from '@/lib/view/age';
import { useNow } from './use-now';

/**
 * An object's age the way kubectl prints it ("5m30s", lib/view/age.ts), kept current by the shared clock.
 * Empty in the server render: the server cannot know the viewer's clock, and the timestamp is in the title.
 */
export function Age({ since, suffix = '' }: { since: string; suffix?: string }) {
  const now = useNow();
  return (
    <time dateTime={since} title={since}>
      {now ? `${formatAge(since, now)}${suffix}` : ''}
    </time>
  );
}
