'use client';

import { useId, useState } from 'react';
import { cn } from '@/lib/cn';
import { THEMES, themeAttribute, themeCookie, type Theme } from '@/lib/view/theme';
import { focusRing } from './ui/focus';

const LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/**
 * System / light / dark. The choice is applied to `<html data-theme>` at once and remembered in a cookie, which the
 * root layout reads so the next page load renders in the chosen theme from its first paint (lib/view/theme.ts).
 */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const id = useId();
  const [theme, setTheme] = useState<Theme>(initial);

  function choose(next: Theme) {
    setTheme(next);
    const attr = themeAttribute(next);
    if (attr) document.documentElement.dataset.theme = attr;
    else delete document.documentElement.dataset.theme;
    document.cookie = themeCookie(next, window.location.protocol === 'https:');
  }

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
        Theme
      </label>
      <select
        id={id}
        value={theme}
        onChange={(e) => choose(e.target.value as Theme)}
        data-testid="theme-toggle"
        className={cn(
          'h-8 rounded-md border border-zinc-300 bg-white px-2 pr-7 text-sm dark:border-zinc-700 dark:bg-zinc-900',
          focusRing,
        )}
      >
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {LABELS[t]}
          </option>
        ))}
      </select>
    </div>
  );
}
