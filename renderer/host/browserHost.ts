// The host contract over the File API, for serve mode and any Chromium: file inputs, downloads.
import type { AppHost, DocumentsHost, FilesHost, MenuCommand, PickedFile } from '../../shared/ipc/host';
import type { RendererHost } from './rendererHost';
import { createFileInputs, watchInput } from './fileInputs';
import { download } from './download';
import { createRecents, evidenceItem } from './recents';

export function createBrowserHost(version = 'browser'): RendererHost {
  const inputs = createFileInputs();
  const files = new Map<string, File>();
  const listeners = new Set<(files: PickedFile[]) => void>();
  let waiting: ((files: File[]) => void) | null = null;
  let nextHandle = 1;
  const recents = createRecents();
  const remember = (picked: PickedFile[]) => {
    const item = evidenceItem(picked);
    if (item) recents.add(item);
  };

  const register = (file: File): PickedFile => {
    const handle = `b${nextHandle++}`;
    files.set(handle, file);
    const path = file.webkitRelativePath || file.name;
    return { handle, name: file.name, path, size: file.size };
  };
  const deliver = (chosen: File[]) => {
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve(chosen);
      return;
    }
    const picked = chosen.map(register);
    remember(picked);
    for (const l of listeners) l(picked);
  };
  watchInput(inputs.files, deliver);
  watchInput(inputs.folder, deliver);

  const choose = (input: HTMLInputElement) =>
    new Promise<File[]>((resolve) => {
      waiting = resolve;
      // Chromium fires `cancel` when the dialog closes without a choice.
      input.addEventListener('cancel', () => waiting === resolve && ((waiting = null), resolve([])), { once: true });
      input.click();
    });

  const filesHost: FilesHost = {
    async pickEvidence() {
      const picked = (await choose(inputs.files)).map(register);
      remember(picked);
      return picked;
    },
    async readChunk(handle, offset, length) {
      const file = files.get(handle);
      if (!file) throw Object.assign(new Error(`No open file with handle ${handle}`), { name: 'NotFound' });
      return new Uint8Array(await file.slice(offset, offset + length).arrayBuffer());
    },
  };

  const documents: DocumentsHost = {
    async saveAs(suggestedName, data) {
      download(suggestedName, data);
      recents.add({ kind: 'investigation', name: suggestedName, path: suggestedName, size: data.byteLength });
      return suggestedName;
    },
    async writeTo(path, data) {
      // A browser cannot write to a path it chose earlier: every save is a fresh download.
      download(path.split('/').pop() || path, data);
    },
    async open(filters) {
      const input = inputs.investigation;
      input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
      const [file] = await choose(input);
      if (!file) return null;
      recents.add({ kind: 'investigation', name: file.name, path: file.name, size: file.size });
      return { path: file.name, name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
    },
  };
  watchInput(inputs.investigation, (chosen) => waiting?.(chosen));

  const app: AppHost = {
    kind: 'browser',
    version: async () => version,
    // No native menu in a browser: shortcuts and buttons issue the same commands.
    onMenuCommand: (_listener: (c: MenuCommand) => void) => () => undefined,
    // A browser can neither wait for a save nor offer one while a tab closes: it can only ask "Leave site?",
    // so the question is armed only while closing would lose work.
    onBeforeClose(guard) {
      const warn = (e: BeforeUnloadEvent) => {
        if (!guard.hasUnsavedWork()) return;
        e.preventDefault();
        e.returnValue = true; // older Chromium and Safari look here rather than at preventDefault
      };
      window.addEventListener('beforeunload', warn);
      return () => window.removeEventListener('beforeunload', warn);
    },
    // No native menu, so no File ▸ Open Recent: the start screen's list is the way back.
    onOpenRecent: () => () => undefined,
  };

  return {
    files: filesHost,
    documents,
    recent: recents,
    app,
    toWireFile(picked) {
      const blob = files.get(picked.handle);
      if (!blob) return { kind: 'host', name: picked.name, path: picked.path, size: picked.size, handle: picked.handle };
      return { kind: 'blob', name: picked.name, path: picked.path, blob };
    },
    onFilesChosen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
