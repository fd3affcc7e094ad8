import Link from 'next/link';

export default function CsrNotFound() {
  return (
    <section className="space-y-2">
      <h1 className="text-xl font-semibold">CSR not found</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No CertificateSigningRequest by that name exists in the current kube context. It may have been deleted:
        kube-controller-manager removes approved and denied CSRs after an hour, pending ones after a day.
      </p>
      <Link href="/csrs" className="text-sm text-sky-700 underline dark:text-sky-400">
        Back to CSRs
      </Link>
    </section>
  );
}
