// The host contract as Electron's preload exposes it; bytes are read in chunks over IPC by handle.
import type { DriftlineHost } from '../../shared/ipc/host';
import type { RendererHost } from './rendererHost';

export function createElectronHost(bridge: DriftlineHost): RendererHost {
  return {
    files: bridge.files,
    documents: bridge.documents,
    app: bridge.app,
    toWireFile: (p) => ({ kind: 'host', name: p.name, path: p.path, size: p.size, handle: p.handle }),
    // Electron's menu and dialogs come through the bridge; drops are handled by the window like in a browser.
    onFilesChosen: () => () => undefined,
  };
}
