import { cn } from '@/lib/cn';
import { focusRing } from './focus';

const control =
  'h-9 rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 shadow-xs dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

/** A labelled native <select>: keyboard and screen-reader behaviour come for free. */
export function SelectField({
  label,
  className,
  children,
  ...props
}: React.SelectHTMLAttributes<HTMLSelectElement> & { label: string }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
      {label}
      <select className={cn(control, 'pr-8', focusRing, className)} {...props}>
        {children}
      </select>
    </label>
  );
}

/** A labelled text input. */
export function TextField({
  label,
  className,
  ...props
}: React.InputHTMLAttributes<HTMLInputElement> & { label: string }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
      {label}
      <input
        className={cn(control, 'placeholder:text-zinc-400 dark:placeholder:text-zinc-500', focusRing, className)}
        {...props}
      />
    </label>
  );
}
