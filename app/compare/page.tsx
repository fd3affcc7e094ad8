import type { Metadata } from 'next';
import { ComingSoon } from '@/components/coming-soon';

export const metadata: Metadata = { title: 'Compare' };

export default function ComparePage() {
  return <ComingSoon title="Compare" what="Compare the effective kubelet configuration of nodes side by side." />;
}
