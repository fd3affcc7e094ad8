'use client';

import { useId, useState } from 'react';
import { SignInResponseSchema, type SignInResponse } from '@/lib/api/auth';
import { AppError } from '@/lib/app-error';
import { postJson } from '@/lib/queries/csrf';
import { Button } from '../ui/button';
import { focusRing } from '../ui/focus';

/**
 * The token form of /signin. The token goes to the server once, in the POST body; the answer carries only who
 * the cluster says it belongs to. A full page load follows so no cached query survives the change of user.
 */
export function SignInForm({ next }: { next: string }) {
  const id = useId();
  const [token, setToken] = useState('');
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'pending' }
    | { kind: 'error'; message: string; hint?: string }
    | { kind: 'done'; who: SignInResponse }
  >({ kind: 'idle' });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setState({ kind: 'pending' });
    try {
      const who = await postJson('/api/auth/signin', { token }, SignInResponseSchema);
      setToken('');
      setState({ kind: 'done', who });
      window.location.assign(next);
    } catch (err) {
      setState(
        err instanceof AppError
          ? { kind: 'error', message: err.message, hint: err.hint }
          : { kind: 'error', message: 'Sign-in failed.' },
      );
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-describedby={`${id}-help`}>
      <label htmlFor={`${id}-token`} className="block text-sm font-medium">
        Bearer token
      </label>
      <input
        id={`${id}-token`}
        name="token"
        type="password"
        autoComplete="off"
        spellCheck={false}
        required
        value={token}
        onChange={(e) => setToken(e.target.value)}
        className={`h-9 w-full rounded-md border border-zinc-300 bg-white px-3 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900 ${focusRing}`}
      />
      <p id={`${id}-help`} className="text-xs text-zinc-600 dark:text-zinc-400">
        The token is checked with the cluster and kept only in an encrypted, HttpOnly cookie; every request is made with
        it, so you see what your RBAC allows.
      </p>
      <Button type="submit" variant="primary" disabled={state.kind === 'pending' || state.kind === 'done'}>
        {state.kind === 'pending' ? 'Checking…' : 'Sign in'}
      </Button>
      <div role="status" className="text-sm">
        {state.kind === 'done' && `Signed in as ${state.who.user}.`}
      </div>
      {state.kind === 'error' && (
        <div
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100"
        >
          <p className="font-medium">{state.message}</p>
          {state.hint && <p className="mt-1 text-xs">{state.hint}</p>}
        </div>
      )}
    </form>
  );
}
