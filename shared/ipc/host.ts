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

/** What the window answers when it is about to close. */
export type CloseAnswer =
  /** Nothing would be lost: nothing changed, or every change is in the investigation file. */
  | { kind: 'saved' }
  /** Closing now would lose work; `reason` says why in words (no file yet, the last save failed, …). */
  | { kind: 'unsaved'; reason: string };

/**
 * The window's side of closing. Electron's main process asks it before letting the window go (and asks
 * the person only when something would be lost); a browser can only warn, from `beforeunload`.
 */
export interface CloseGuard {
  /** Synchronous, because a browser's `beforeunload` must decide at once: would closing now lose work? */
  hasUnsavedWork(): boolean;
  /** Writes what is waiting (autosave now rather than in 1.5 s), then says whether anything would be lost. */
  prepare(): Promise<CloseAnswer>;
  /** The person chose to save before closing: Save as… (there is no file, or writing it failed). */
  save(): Promise<CloseAnswer>;
}

export interface AppHost {
  /** 'electron' or 'browser', for the few places where behaviour differs. */
  readonly kind: 'electron' | 'browser';
  version(): Promise<string>;
  /** Native menu commands; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Registers what closing the window (or quitting) must check first; one at a time; returns an unsubscribe function. */
  onBeforeClose(guard: CloseGuard): () => void;
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

/** Main → window: `(id, step)`, asking the window's CloseGuard to `prepare` or `save`. */
export const CLOSE_REQUEST_CHANNEL = `${CHANNEL_PREFIX}close-request`;
/** Window → main: `(id, answer)`, the CloseAnswer to the request with that id. */
export const CLOSE_ANSWER_CHANNEL = `${CHANNEL_PREFIX}close-answer`;
export type CloseStep = 'prepare' | 'save';

export function isCloseAnswer(x: unknown): x is CloseAnswer {
  const a = x as CloseAnswer | null;
  return !!a && typeof a === 'object' && (a.kind === 'saved' || (a.kind === 'unsaved' && typeof a.reason === 'string'));
}

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
