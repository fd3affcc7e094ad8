import { cn } from '@/lib/cn';
import { splitForMiddleTruncation } from '@/lib/view/middle-truncate';

/**
 * A long value truncated in the middle: the head shrinks with an ellipsis, the tail that tells similar values
 * apart (lib/view/middle-truncate.ts) always shows. The DOM holds the whole value once, split in two spans, so
 * screen readers, find-in-page, copy and `textContent` get the full text; the ellipsis is only CSS. Hover shows
 * it in the tooltip; focus on an enclosing `group` element (a link, a focusable cell) lifts the
 * truncation and shows the whole value above its neighbours.
 */
export function MiddleTruncate({ text, className }: { text: string; className?: string }) {
  const { head, tail } = splitForMiddleTruncation(text);
  return (
    <span
      className={cn(
        'inline-flex max-w-full min-w-0',
        'group-focus:relative group-focus:z-20 group-focus:w-max group-focus:max-w-none group-focus:bg-white group-focus:shadow-sm dark:group-focus:bg-zinc-950',
        className,
      )}
      title={text}
      data-truncate="middle"
    >
      <span className="truncate group-focus:overflow-visible" data-part="head">
        {head}
      </span>
      {tail && (
        <span className="shrink-0 whitespace-pre" data-part="tail">
          {tail}
        </span>
      )}
    </span>
  );
}
