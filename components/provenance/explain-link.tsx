import Link from 'next/link';
import { cn } from '@/lib/cn';
import { focusRing } from '@/components/ui/focus';

/** "Explain this config" from the node detail page to the provenance page of the same node. */
export function ExplainLink({ node, className }: { node: string; className?: string }) {
  return (
    <Link
      href={`/nodes/${encodeURIComponent(node)}/explain`}
      className={cn(
        'text-sm font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400',
        focusRing,
        className,
      )}
    >
      Explain this config
    </Link>
  );
}
