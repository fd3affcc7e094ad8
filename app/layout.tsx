import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Kubelet dashboard', template: '%s · Kubelet dashboard' },
  description: 'The truth about your kubelets: effective config, reservations, eviction headroom, drift and CSRs.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
