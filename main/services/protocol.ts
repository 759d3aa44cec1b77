// The app:// scheme the window loads from: privileged like https (secure context, fetch, workers,
// streaming) so the renderer runs exactly as it does when served over http, with no server.
import type { Protocol } from 'electron';
import { APP_SCHEME, serveStatic } from './staticFiles';

/** Must run before app 'ready'. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
    },
  ]);
}

export function serveRenderer(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveStatic(root, request));
}
