/**
 * The app's single-key shortcuts (shown by `?`, documented in the README). Single keys, as in GitHub and Gmail,
 * so they must never fire while someone types: see `shortcutFor`.
 */
export const SHORTCUTS = [
  { keys: ['/'], action: 'focus', description: 'Focus the filter of this page' },
  { keys: ['j'], action: 'next', description: 'Next row of the table' },
  { keys: ['k'], action: 'previous', description: 'Previous row of the table' },
  { keys: ['Enter'], action: 'open', description: "Open the focused row's page" },
  { keys: ['?'], action: 'help', description: 'Show these shortcuts' },
  { keys: ['Esc'], action: 'close', description: 'Close this dialog' },
] as const;

export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];

/** The parts of a keydown event the decision needs (plain data, so it is testable without a DOM). */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
  /** the event target: an element people type into swallows every shortcut */
  target: { tagName?: string; isContentEditable?: boolean; type?: string } | null;
}

/** input types that take no typing: shortcuts stay live on a focused checkbox or button-like input */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/**
 * Whether keys typed at this element are text (an input, textarea, select or contenteditable).
 * @internal exported for its unit tests
 */
export function isTypingTarget(target: KeyInput['target']): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NON_TEXT_INPUTS.has((target.type ?? 'text').toLowerCase());
}

/**
 * The global shortcut a keydown means, or undefined. Never while typing, composing (IME) or with Ctrl/⌘/Alt
 * (browser and OS shortcuts stay theirs). `?` arrives with Shift on most layouts, so Shift is not checked.
 * Enter is not global: rows handle it themselves (useTableKeyboard), links and buttons natively.
 */
export function shortcutFor(e: KeyInput): Exclude<ShortcutAction, 'open' | 'close'> | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing || isTypingTarget(e.target)) return undefined;
  switch (e.key) {
    case '/':
      return 'focus';
    case 'j':
      return 'next';
    case 'k':
      return 'previous';
    case '?':
      return 'help';
    default:
      return undefined;
  }
}
