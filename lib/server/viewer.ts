import 'server-only';
import type { Viewer } from '@/lib/api/viewer';
import { authMode } from '@/lib/auth/config';
import { currentSession } from '@/lib/auth/identity';

/** The request's viewer for the header: local and proxy-header modes have no session to show. */
export async function currentViewer(): Promise<Viewer> {
  if (authMode() !== 'shared') return { signedOut: false };
  const session = await currentSession();
  return session ? { signedOut: false, session: { user: session.user, groups: session.groups } } : { signedOut: true };
}
