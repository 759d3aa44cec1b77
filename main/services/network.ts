// Driftline works offline on evidence that may be sensitive: nothing the page does may reach the
// network. Every request that is not local is cancelled at the session, navigation away from the
// app and new windows are refused, and permission prompts (camera, geolocation...) are denied.
import type { Session, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './staticFiles';

const LOCAL_PROTOCOLS = new Set(['app:', 'file:', 'data:', 'blob:', 'devtools:']);

export function isAllowedRequest(url: string): boolean {
  try {
    return LOCAL_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Only the app's own pages; a reload stays allowed, a link to anywhere else does not. */
export function isAllowedNavigation(url: string): boolean {
  try {
    // Not URL.origin: for a custom scheme Node reports "null", while Chromium (standard scheme) does not.
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Copying findings to the clipboard is the one permission the UI uses. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

export type GuardedSession = Pick<Session, 'webRequest' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

export function guardSession(session: GuardedSession, onRefused: (url: string) => void = () => {}): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const cancel = !isAllowedRequest(details.url);
    if (cancel) onRefused(details.url);
    callback({ cancel });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
}

export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function guardContents(contents: GuardedContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
