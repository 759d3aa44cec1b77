import { describe, expect, it } from 'vitest';
import {
  guardContents,
  guardSession,
  isAllowedNavigation,
  isAllowedRequest,
  type GuardedContents,
  type GuardedSession,
} from '../../../main/services/network';

describe('network guard', () => {
  it('allows only local schemes', () => {
    for (const url of ['app://driftline/index.html', 'file:///tmp/x', 'data:text/plain,hi', 'blob:app://driftline/1234', 'devtools://devtools/bundled/x.html']) {
      expect(isAllowedRequest(url), url).toBe(true);
    }
    for (const url of ['https://example.com/', 'http://127.0.0.1:5183/', 'ws://evil.test/', 'ftp://x/', 'not a url', 'chrome-extension://abc/x.js']) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });

  it('cancels remote requests at the session and reports them', () => {
    type Listener = (details: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
    let listener: Listener | undefined;
    let permissionAnswer: boolean | undefined;
    let check: ((wc: null, p: string) => boolean) | undefined;
    const fake = {
      webRequest: { onBeforeRequest: (l: Listener) => (listener = l) },
      setPermissionRequestHandler: (h: (wc: null, p: string, cb: (ok: boolean) => void) => void) =>
        h(null, 'geolocation', (ok) => (permissionAnswer = ok)),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
    } as unknown as GuardedSession;
    const refused: string[] = [];
    guardSession(fake, (url) => refused.push(url));
    const answer = (url: string) => {
      let cancel: boolean | undefined;
      listener!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(answer('https://api.example.com/v1')).toBe(true);
    expect(answer('app://driftline/assets/duckdb-eh.wasm')).toBe(false);
    expect(refused).toEqual(['https://api.example.com/v1']);
    expect(permissionAnswer).toBe(false);
    expect(check!(null, 'media')).toBe(false);
    expect(check!(null, 'clipboard-sanitized-write')).toBe(true);
  });

  it('blocks navigation away from the app, webviews and every window.open', () => {
    const handlers = new Map<string, (e: { url?: string; preventDefault(): void }) => void>();
    let openHandler: (() => { action: string }) | undefined;
    const fake = {
      on: (name: string, h: (e: { url?: string; preventDefault(): void }) => void) => handlers.set(name, h),
      setWindowOpenHandler: (h: () => { action: string }) => (openHandler = h),
    } as unknown as GuardedContents;
    guardContents(fake);
    const prevented = (name: string, url?: string) => {
      let stopped = false;
      handlers.get(name)!({ url, preventDefault: () => (stopped = true) });
      return stopped;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-navigate', 'app://driftline/index.html')).toBe(false);
    expect(prevented('will-redirect', 'http://127.0.0.1/')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
    expect(openHandler!()).toEqual({ action: 'deny' });
    expect(isAllowedNavigation('app://other/index.html')).toBe(false);
  });
});
