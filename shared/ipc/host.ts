// The host contract: the only way the renderer reaches the machine. One interface per capability;
// Electron implements it over IPC (main/ services + preload), the browser with the File API.

/** An evidence file the user chose; bytes are read in chunks, never all at once. */
export interface PickedFile {
  /** Opaque handle valid for this session. */
  handle: string;
  name: string;
  /** Full path where the host has paths (Electron), else the name. */
  path: string;
  size: number;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface FilesHost {
  /** Shows the platform's open dialog for evidence files or folders (folders are expanded). */
  pickEvidence(): Promise<PickedFile[]>;
  readChunk(handle: string, offset: number, length: number): Promise<Uint8Array>;
}

export interface DocumentsHost {
  /** Asks where to save and writes atomically; null when the user cancelled. */
  saveAs(suggestedName: string, data: Uint8Array, filters: FileFilter[]): Promise<string | null>;
  /** Writes to a path chosen earlier (Save, autosave); atomic (temp file, flush, rename). */
  writeTo(path: string, data: Uint8Array): Promise<void>;
  /** Shows the open dialog; null when cancelled. */
  open(filters: FileFilter[]): Promise<{ path: string; name: string; data: Uint8Array } | null>;
}

export type MenuCommand = 'open-evidence' | 'open-investigation' | 'save' | 'save-as' | 'export' | 'open-sample';

export interface AppHost {
  /** 'electron' or 'browser', for the few places where behaviour differs. */
  readonly kind: 'electron' | 'browser';
  version(): Promise<string>;
  /** Native menu commands; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

export interface DriftlineHost {
  files: FilesHost;
  documents: DocumentsHost;
  app: AppHost;
}

/** Channel prefix every IPC message carries; the preload refuses anything else. */
export const CHANNEL_PREFIX = 'driftline:';

/** The invokable methods, as `capability.method`, derived from the interfaces above. */
export type InvokeMethods = {
  [C in 'files' | 'documents']: {
    [M in keyof DriftlineHost[C] & string]: `${C}.${M}`;
  }[keyof DriftlineHost[C] & string];
}['files' | 'documents'] | 'app.version';

export const INVOKE_METHODS: readonly InvokeMethods[] = [
  'files.pickEvidence',
  'files.readChunk',
  'documents.saveAs',
  'documents.writeTo',
  'documents.open',
  'app.version',
];

export const channel = (method: InvokeMethods) => `${CHANNEL_PREFIX}${method}`;
export const MENU_CHANNEL = `${CHANNEL_PREFIX}menu`;

/** Errors cross a boundary as plain data; the receiver turns them back into errors. */
export interface WireError {
  name: string;
  message: string;
  kind: 'cancelled' | 'not-found' | 'denied' | 'invalid' | 'internal';
}

export function toWireError(e: unknown, kind: WireError['kind'] = 'internal'): WireError {
  const err = e instanceof Error ? e : new Error(String(e));
  return { name: err.name, message: err.message, kind };
}

export function fromWireError(w: WireError): Error {
  const err = new Error(w.message);
  err.name = w.name;
  (err as Error & { kind?: string }).kind = w.kind;
  return err;
}
