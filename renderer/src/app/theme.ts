import type { ThemeChoice } from '../../../shared/contract';

/** Light or dark colours: 'system' (or no choice) leaves it to the OS preference (prefers-color-scheme in styles.css). */
export function applyTheme(theme: ThemeChoice | undefined): void {
  const root = document.documentElement;
  if (!theme || theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
