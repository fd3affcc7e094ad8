'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { cn } from '@/lib/cn';
import { useContexts, useSelectContext } from '@/lib/queries/contexts';
import { focusRing } from '../ui/focus';

/**
 * A link into a page of another context: the dashboard reads one context at a time (the kd-context cookie), so
 * following it switches this browser's context first (POST /api/contexts/current, as the header's switcher does),
 * then navigates. A link into the current context is a plain link.
 */
export function ContextLink({
  context,
  href,
  className,
  children,
  ...rest
}: { context: string; href: string; className?: string; children: React.ReactNode } & Pick<
  React.AnchorHTMLAttributes<HTMLAnchorElement>,
  'title' | 'aria-label'
>) {
  const contexts = useContexts();
  const select = useSelectContext();
  const router = useRouter();
  const classes = cn('text-sky-700 hover:underline dark:text-sky-400', focusRing, className);
  if (contexts.data?.current === context) {
    return (
      <Link prefetch={false} href={href} className={classes} {...rest}>
        {children}
      </Link>
    );
  }
  return (
    <a
      href={href}
      className={classes}
      data-context={context}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        select.mutate(context, {
          onSuccess: () => {
            router.push(href);
            router.refresh();
          },
        });
      }}
      {...rest}
    >
      {children}
    </a>
  );
}
