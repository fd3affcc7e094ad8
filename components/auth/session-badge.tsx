import type { Viewer } from '@/lib/api/viewer';
import { SignOutButton } from './sign-out-button';

/** Shared mode: who is signed in (as the cluster named them at sign-in) and a sign-out button. Nothing in local mode. */
export function SessionBadge({ session }: { session: Viewer['session'] }) {
  if (!session) return null;
  return (
    <div className="flex items-center gap-2 text-xs">
      <span className="text-zinc-500 dark:text-zinc-400">Signed in as</span>
      <span className="max-w-56 truncate font-mono" title={session.groups.join(', ')} data-testid="signed-in-user">
        {session.user}
      </span>
      <SignOutButton />
    </div>
  );
}
