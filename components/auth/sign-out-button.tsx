'use client';

import { useState } from 'react';
import type { SignOutResponse } from '@/lib/api/auth';
import { postJson } from '@/lib/queries/csrf';
import { ownAnswer } from '@/lib/queries/own-answer';
import { Button } from '../ui/button';

const SignedOutAnswer = ownAnswer<SignOutResponse>('a sign-out answer', (b) => b.signedOut === true);

/** POSTs /api/auth/signout (CSRF-checked), then a full load of /signin so no cached data outlives the session. */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setFailed(false);
          try {
            await postJson('/api/auth/signout', {}, SignedOutAnswer);
            // A full load on purpose: no cached query or client state may outlive the user's session.
            // eslint-disable-next-line @next/next/no-location-assign-relative-destination
            window.location.assign('/signin?reason=signed-out');
          } catch {
            setFailed(true);
            setPending(false);
          }
        }}
      >
        {pending ? 'Signing out…' : 'Sign out'}
      </Button>
      {failed && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-300">
          Sign-out failed: reload and try again.
        </span>
      )}
    </>
  );
}
