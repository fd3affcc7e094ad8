import Link from 'next/link';

export default function NodeNotFound() {
  return (
    <section className="space-y-2">
      <h1 className="text-xl font-semibold">Node not found</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No node by that name exists in the current kube context.
      </p>
      <Link href="/nodes" className="text-sm text-sky-700 underline dark:text-sky-400">
        Back to nodes
      </Link>
    </section>
  );
}
