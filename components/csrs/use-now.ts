'use client';

import { useEffect, useState } from 'react';

/** The current time as ISO, refreshed every `everyMs`, so ages keep moving between watch events. */
export function useNowIso(everyMs = 10_000): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date().toISOString()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
