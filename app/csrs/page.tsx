import type { Metadata } from 'next';
import { ComingSoon } from '@/components/coming-soon';

export const metadata: Metadata = { title: 'CSRs' };

export default function CsrsPage() {
  return <ComingSoon title="Certificate signing requests" what="Review and approve kubelet certificate signing requests." />;
}
