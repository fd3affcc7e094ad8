import { notFound } from 'next/navigation';
import { NodeNameSchema } from '@/lib/api/names';
import { AppError } from '@/lib/errors';
import { nodeObjectForPage } from '@/lib/server/node-detail';
import { getRequestKube } from '@/lib/server/request-kube';

/** How long the existence check may hold the first byte; past it the page renders and reports the node itself. */
const LOOKUP_BUDGET_MS = 1500;

/** true only when the cluster said the node does not exist; unknown (slow, unreachable, no session) is not missing. */
async function nodeMissing(name: string): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const kube = await getRequestKube();
    await Promise.race([
      nodeObjectForPage(kube, name),
      new Promise((resolve) => (timer = setTimeout(resolve, LOOKUP_BUDGET_MS))),
    ]);
    return false;
  } catch (err) {
    return err instanceof AppError && err.code === 404;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A node that does not exist (or a name that cannot be one, such as `..%2F..%2Fapi`) answers HTTP 404 for every
 * page below /nodes/<name>. The check runs here, above the pages' loading boundary: once a loading skeleton has
 * streamed, the status line is already 200 and notFound() could only change the content.
 */
export default async function NodeLayout({ children, params }: LayoutProps<'/nodes/[name]'>) {
  const parsed = NodeNameSchema.safeParse(decodeURIComponent((await params).name));
  if (!parsed.success || (await nodeMissing(parsed.data))) notFound();
  return children;
}
