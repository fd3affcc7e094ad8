import { EmptyState } from './empty-state';

/** Placeholder for a section that is still being built, so navigation never leads to a 404. */
export function ComingSoon({ title, what }: { title: string; what: string }) {
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold tracking-tight">{title}</h1>
      <EmptyState title="Coming soon">{what}</EmptyState>
    </>
  );
}
