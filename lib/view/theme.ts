/**
 * The colour theme the user chose in the header: `system` follows the OS (prefers-color-scheme), `light` and
 * `dark` pin it. Kept in a cookie rather than localStorage so the server renders `<html data-theme>` with the
 * choice already applied: the first paint is right, with no inline script (the CSP allows none) and no flash.
 */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = 'kd-theme';

/** A year: a preference, not a credential. */
const THEME_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** The cookie's value as a theme; anything else (absent, tampered) is `system`. */
export function parseTheme(value: string | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}

/** The `data-theme` attribute for `<html>`: absent for `system`, so the CSS media query decides. */
export function themeAttribute(theme: Theme): 'light' | 'dark' | undefined {
  return theme === 'system' ? undefined : theme;
}

/** The Set-Cookie string the browser writes; `Secure` when the page itself came over TLS. */
export function themeCookie(theme: Theme, secure: boolean): string {
  return [
    `${THEME_COOKIE}=${theme}`,
    'Path=/',
    `Max-Age=${THEME_COOKIE_MAX_AGE_SECONDS}`,
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
