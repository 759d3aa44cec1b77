// Chooses the host at start-up: Electron's preload object when present, else the File API.
import type { RendererHost } from './rendererHost';
import { createBrowserHost } from './browserHost';
import { createElectronHost } from './electronHost';

let host: RendererHost | null = null;

export function getHost(): RendererHost {
  host ??= window.driftline ? createElectronHost(window.driftline) : createBrowserHost();
  return host;
}

export type { RendererHost } from './rendererHost';
