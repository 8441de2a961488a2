const KEY = 'dramaguard.apiKey';

/**
 * The signed-in API key lives in sessionStorage: gone when the tab closes,
 * not shared with other tabs, never written to a URL or a log.
 */
export const sessionStore = {
  read: (): string | null => sessionStorage.getItem(KEY),
  write: (key: string): void => sessionStorage.setItem(KEY, key),
  clear: (): void => sessionStorage.removeItem(KEY),
};
