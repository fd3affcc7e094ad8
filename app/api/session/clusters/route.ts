import { AddClusterBodySchema, RemoveClusterBodySchema } from '@/lib/api/session-clusters';
import { addSessionCluster, describeSessionClusters, removeSessionCluster } from '@/lib/auth/session-clusters';
import { readJsonBody } from '@/lib/security/body';
import { assertMutationAllowed } from '@/lib/security/guard';
import { errorResponse, json } from '../../respond';

export const dynamic = 'force-dynamic';

/** Shared mode: the clusters the operator lets users add, and those this session added (never a token). */
export async function GET() {
  try {
    return json(await describeSessionClusters());
  } catch (err) {
    return errorResponse(err);
  }
}

/**
 * Adds a cluster to the session with the user's token for it, after the cluster accepts it (SelfSubjectReview).
 * Same-origin and CSRF-checked (403 otherwise); 422 for a cluster not listed by the operator or a rejected token.
 */
export async function POST(req: Request) {
  try {
    assertMutationAllowed(req);
    const { cluster, token } = await readJsonBody(req, AddClusterBodySchema, 16 * 1024);
    const { body, cookie } = await addSessionCluster(req, cluster, token);
    const res = json(body);
    res.headers.append('set-cookie', cookie);
    return res;
  } catch (err) {
    return errorResponse(err);
  }
}

/** Removes a cluster from the session: its cookie is cleared and the server forgets its token. */
export async function DELETE(req: Request) {
  try {
    assertMutationAllowed(req);
    const { cluster } = await readJsonBody(req, RemoveClusterBodySchema);
    const { body, cookie } = await removeSessionCluster(cluster);
    const res = json(body);
    res.headers.append('set-cookie', cookie);
    return res;
  } catch (err) {
    return errorResponse(err);
  }
}
