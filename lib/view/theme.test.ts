import { describe, expect, it } from 'vitest';
import { parseTheme, themeAttribute, themeCookie } from './theme';

describe('parseTheme', () => {
  it('accepts the three choices', () => {
    expect(parseTheme('light')).toBe('light');
    expect(parseTheme('dark')).toBe('dark');
    expect(parseTheme('system')).toBe('system');
  });
  it('falls back to system for an absent or tampered cookie', () => {
    expect(parseTheme(undefined)).toBe('system');
    expect(parseTheme('')).toBe('system');
    expect(parseTheme('dark; Path=/')).toBe('system');
    expect(parseTheme('<script>')).toBe('system');
  });
});

describe('themeAttribute', () => {
  it('leaves system to the media query', () => {
    expect(themeAttribute('system')).toBeUndefined();
    expect(themeAttribute('dark')).toBe('dark');
  });
});

describe('themeCookie', () => {
  it('is site-wide, long-lived and Secure only over TLS', () => {
    expect(themeCookie('dark', false)).toBe('kd-theme=dark; Path=/; Max-Age=31536000; SameSite=Lax');
    expect(themeCookie('light', true)).toMatch(/; Secure$/);
  });
});
