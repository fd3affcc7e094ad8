import type { Metadata } from 'next';
import Link from 'next/link';
import { SignInForm } from '@/components/auth/sign-in-form';
import { SignInReasonSchema, safeNextPath } from '@/lib/api/auth';
import { authMode } from '@/lib/auth/config';
import { currentSession } from '@/lib/auth/identity';

export const metadata: Metadata = { title: 'Sign in' };

const REASONS = {
  expired: 'Your session has ended or the cluster rejected your token. Sign in again.',
  'signed-out': 'You have signed out.',
  required: 'Sign in with your Kubernetes bearer token.',
} as const;

/** Shared mode's sign-in (docs/security.md). In the other modes it only explains where credentials come from. */
export default async function SignInPage(props: PageProps<'/signin'>) {
  const q = await props.searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const reason = SignInReasonSchema.parse(one(q.reason));
  const next = safeNextPath(one(q.next));
  const mode = authMode();
  const session = mode === 'shared' ? await currentSession() : undefined;

  return (
    <div className="mx-auto max-w-lg space-y-4 py-8">
      <h1 className="text-xl font-semibold tracking-tight">Sign in</h1>
      {mode === 'local' && (
        <p className="text-sm">
          This dashboard runs in local mode: it uses your kubeconfig&apos;s credentials, as kubectl does, so there is
          nothing to sign in to.{' '}
          <Link className="underline" href="/nodes">
            Go to the nodes
          </Link>
          .
        </p>
      )}
      {mode === 'proxy-header' && (
        <p role="alert" className="text-sm">
          Sign-in is handled by the authenticating proxy in front of this dashboard, and it sent no usable token. Reload
          to sign in through it again; if this persists, ask your administrator.
        </p>
      )}
      {mode === 'shared' && (
        <>
          <p role={reason === 'required' ? undefined : 'alert'} className="text-sm" data-testid="signin-reason">
            {REASONS[reason]}
          </p>
          {session && (
            <p className="text-sm">
              Currently signed in as <span className="font-mono">{session.user}</span>.{' '}
              <a className="underline" href={next}>
                Continue
              </a>
            </p>
          )}
          <SignInForm next={next} />
          <details className="text-xs text-zinc-600 dark:text-zinc-400">
            <summary className="cursor-pointer">Where do I get a token?</summary>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              <li>
                A ServiceAccount&apos;s short-lived token:{' '}
                <code>kubectl -n &lt;ns&gt; create token &lt;serviceaccount&gt;</code>
              </li>
              <li>
                Your OIDC id-token, as your kubeconfig&apos;s exec plugin prints it (e.g. kubectl oidc-login get-token).
              </li>
            </ul>
          </details>
        </>
      )}
    </div>
  );
}
