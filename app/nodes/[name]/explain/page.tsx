import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ExplainView } from '@/components/provenance/explain-view';
import { NodeNameSchema } from '@/lib/api/names';
import { kubeadmEvidence } from '@/lib/domain/provenance/kubeadm-node';
import { AppError } from '@/lib/errors';
import { nodeObjectForPage } from '@/lib/server/node-detail';
import { getRequestKube } from '@/lib/server/request-kube';

export async function generateMetadata(props: PageProps<'/nodes/[name]/explain'>): Promise<Metadata> {
  return { title: `Explain config · ${decodeURIComponent((await props.params).name)}` };
}

/**
 * Config provenance for one node: the user pastes what they have from the node and the server explains where
 * each effective kubelet setting came from (a POST from the form). Here we only check the node exists and show
 * its kubelet version; if the cluster cannot be reached the form still renders and the POST reports why.
 */
export default async function ExplainPage(props: PageProps<'/nodes/[name]/explain'>) {
  const parsed = NodeNameSchema.safeParse(decodeURIComponent((await props.params).name));
  if (!parsed.success) notFound();
  const name = parsed.data;
  const node = await getRequestKube()
    .then((kube) => nodeObjectForPage(kube, name))
    .catch((err: unknown) => {
      if (err instanceof AppError && err.code === 404) notFound();
      return undefined;
    });
  const version = node?.nodeInfo.kubeletVersion;
  // the ConfigMap option's default follows the node's own evidence; unknown (node unreadable) leaves it off
  const kubeadm = node ? kubeadmEvidence(node.annotations) : undefined;
  return (
    <div className="mx-auto flex w-full max-w-7xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
          <Link href="/nodes" className="hover:underline">
            Nodes
          </Link>{' '}
          /{' '}
          <Link href={`/nodes/${encodeURIComponent(name)}`} className="hover:underline">
            {name}
          </Link>{' '}
          / Explain config
        </nav>
        <h1 className="text-2xl font-semibold tracking-tight">Where does each kubelet setting on {name} come from?</h1>
        {version && (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Kubelet {version}: defaults and flag removals are those of this version.
          </p>
        )}
        <p className="max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">
          Paste what you have from the node: the kubelet command line (<code>ps -ef</code> or{' '}
          <code>systemctl status kubelet</code>), the unit file and its drop-ins (<code>systemctl cat kubelet</code>),
          the env files they load, and <code>config.yaml</code>. The dashboard parses them the way systemd and the
          kubelet do, predicts the effective config (defaults ← config file ← flags) and compares it with the
          node&apos;s live configz.
        </p>
      </header>
      <ExplainView node={name} kubeadm={kubeadm} />
    </div>
  );
}
