import { describe, expect, it } from 'vitest';
import { isTypingTarget, shortcutFor, type KeyInput } from './keyboard-shortcuts';

const key = (k: string, over: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: { tagName: 'BODY' },
  ...over,
});

describe('shortcutFor', () => {
  it('maps the single keys', () => {
    expect(shortcutFor(key('/'))).toBe('focus');
    expect(shortcutFor(key('j'))).toBe('next');
    expect(shortcutFor(key('k'))).toBe('previous');
    expect(shortcutFor(key('?'))).toBe('help');
    expect(shortcutFor(key('x'))).toBeUndefined();
    expect(shortcutFor(key('J'))).toBeUndefined(); // Shift+J is not j
  });

  it('never fires while typing in a text field, a select or an editable region', () => {
    for (const target of [
      { tagName: 'INPUT', type: 'search' },
      { tagName: 'INPUT' },
      { tagName: 'textarea' },
      { tagName: 'SELECT' },
      { tagName: 'DIV', isContentEditable: true },
    ]) {
      expect(shortcutFor(key('/', { target }))).toBeUndefined();
      expect(shortcutFor(key('j', { target }))).toBeUndefined();
    }
  });

  it('stays live on controls that take no text', () => {
    expect(shortcutFor(key('j', { target: { tagName: 'INPUT', type: 'checkbox' } }))).toBe('next');
    expect(shortcutFor(key('j', { target: { tagName: 'BUTTON' } }))).toBe('next');
    expect(shortcutFor(key('j', { target: null }))).toBe('next');
  });

  it('leaves browser and OS shortcuts alone, and IME composition', () => {
    expect(shortcutFor(key('k', { ctrlKey: true }))).toBeUndefined();
    expect(shortcutFor(key('/', { metaKey: true }))).toBeUndefined();
    expect(shortcutFor(key('j', { altKey: true }))).toBeUndefined();
    expect(shortcutFor(key('j', { isComposing: true }))).toBeUndefined();
  });
});

describe('isTypingTarget', () => {
  it('treats an input without a type as text', () => {
    expect(isTypingTarget({ tagName: 'input' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'RADIO' })).toBe(false);
    expect(isTypingTarget({ tagName: 'A' })).toBe(false);
  });
});
