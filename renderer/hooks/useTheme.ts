// Applies the chosen theme to <html data-theme>; 'system' leaves it to prefers-color-scheme in CSS.
import { useEffect } from 'react';
import { useAppState } from './useAppState';

export function useTheme(): void {
  const theme = useAppState((s) => s.theme);
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
}
