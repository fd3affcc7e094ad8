/**
 * Which Chromium the e2e tests and benchmarks drive: Debian's (/usr/bin/chromium) when present, since
 * `npx playwright install` cannot download on our machines; Playwright's own browser elsewhere.
 */
import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  return {
    ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
    // Background networking is refused on closed networks and slows every start.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  };
}
