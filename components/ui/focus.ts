/**
 * The one focus ring: visible on keyboard focus only, high-contrast in both colour schemes. Tailwind 4's
 * `outline-none` sets outline-style none, so the focused state sets the style back to solid explicitly.
 */
export const focusRing =
  'outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-solid focus-visible:outline-sky-600 dark:focus-visible:outline-sky-400';
