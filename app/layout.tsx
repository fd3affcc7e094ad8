import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { AppHeader } from '@/components/app-header';
import { KeyboardShortcuts } from '@/components/keyboard-shortcuts';
import { SkipLink } from '@/components/skip-link';
import { notePageRequest } from '@/lib/server/admission';
import { currentViewer } from '@/lib/server/viewer';
import { parseTheme, THEME_COOKIE, themeAttribute } from '@/lib/view/theme';
import './globals.css';
import { Providers } from './providers';

// Every page renders per request: the CSP nonce (proxy.ts) is stamped on Next's scripts at render time,
// and all data is live cluster state anyway.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Kubelet dashboard', template: '%s · Kubelet dashboard' },
  description: 'The truth about your kubelets: effective config, reservations, eviction headroom, drift and CSRs.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  notePageRequest();
  const viewer = await currentViewer();
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={themeAttribute(theme)}>
      <body className="min-h-dvh">
        <Providers>
          <SkipLink />
          <KeyboardShortcuts />
          <AppHeader viewer={viewer} theme={theme} />
          <main id="main" tabIndex={-1} className="px-4 py-5 outline-none sm:px-6">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
