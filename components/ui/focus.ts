/** The one focus ring: visible on keyboard focus only, high-contrast in both colour schemes. */
export const focusRing =
  'outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:focus-visible:outline-sky-400';
