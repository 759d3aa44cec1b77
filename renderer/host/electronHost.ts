// The host contract as Electron's preload exposes it; bytes are read in chunks over IPC by handle.
import type { DriftlineHost } from '../../shared/ipc/host';
import type { RendererHost } from './rendererHost';
import { createRecents, evidenceItem } from './recents';

export function createElectronHost(bridge: DriftlineHost): RendererHost {
  // The main process keeps its own recent list for the OS (jump lists, dock); this one feeds the start screen.
  const recents = createRecents();
  return {
    files: {
      ...bridge.files,
      async pickEvidence() {
        const picked = await bridge.files.pickEvidence();
        const item = evidenceItem(picked);
        if (item) recents.add(item);
        return picked;
      },
    },
    documents: {
      ...bridge.documents,
      async saveAs(suggestedName, data, filters) {
        const path = await bridge.documents.saveAs(suggestedName, data, filters);
        if (path) recents.add({ kind: 'investigation', name: path.split(/[\\/]/).pop() || path, path, size: data.byteLength });
        return path;
      },
      async open(filters) {
        const file = await bridge.documents.open(filters);
        if (file) recents.add({ kind: 'investigation', name: file.name, path: file.path, size: file.data.byteLength });
        return file;
      },
    },
    app: bridge.app,
    recents,
    toWireFile: (p) => ({ kind: 'host', name: p.name, path: p.path, size: p.size, handle: p.handle }),
    // Electron's menu and dialogs come through the bridge; drops are handled by the window like in a browser.
    onFilesChosen: () => () => undefined,
  };
}
