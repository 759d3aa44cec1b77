// The host contract as Electron's preload exposes it; bytes are read in chunks over IPC by handle.
// The recent list is the main process's (one list for the start screen and File ▸ Open Recent): it
// records what is opened and saved through its dialogs, so nothing here keeps a second one.
import type { DriftlineHost } from '../../shared/ipc/host';
import type { RendererHost } from './rendererHost';

export function createElectronHost(bridge: DriftlineHost): RendererHost {
  return {
    files: bridge.files,
    documents: bridge.documents,
    recent: bridge.recent,
    app: bridge.app,
    toWireFile: (p) => ({ kind: 'host', name: p.name, path: p.path, size: p.size, handle: p.handle }),
    // Electron's menu and dialogs come through the bridge; drops are handled by the window like in a browser.
    onFilesChosen: () => () => undefined,
  };
}
