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

/** Investigations and evidence opened lately, as the start screen and File ▸ Open Recent show them. */
export interface RecentEntry {
  /** Opaque key for open/remove/locate: the main process opens only what its own list holds under this id. */
  id: string;
  kind: 'investigation' | 'evidence';
  /** What to call it: the file name, or the first name picked and how many more. */
  name: string;
  /** An investigation's file; the evidence files and folders as picked (a browser knows only names). */
  paths: string[];
  /** Bytes when known (all files, for evidence picked as files). */
  size?: number;
  /** ISO time it was last opened or saved. */
  at: string;
  /** Paths not found when the list was read (moved or deleted); absent when everything is there. */
  missing?: string[];
}

/** What reopening an entry gives back: an investigation's bytes, or the evidence to import again. */
export type ReopenedRecent =
  | { kind: 'investigation'; path: string; name: string; data: Uint8Array }
  | { kind: 'evidence'; files: PickedFile[] };

export interface RecentHost {
  /** Newest first, each entry checked against the disk (see `missing`). */
  list(): Promise<RecentEntry[]>;
  /** Opens an entry of the list again, without a dialog; fails with kind 'not-found' when it was moved or deleted. */
  open(id: string): Promise<ReopenedRecent>;
  remove(id: string): Promise<void>;
  /** Asks where a moved entry is now (open dialog); the entry then points there. Null when cancelled. */
  locate(id: string): Promise<RecentEntry | null>;
}

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
  /** File ▸ Open Recent chose an entry (by RecentEntry id); returns an unsubscribe function. */
  onOpenRecent(listener: (id: string) => void): () => void;
}

export interface DriftlineHost {
  files: FilesHost;
  documents: DocumentsHost;
  recent: RecentHost;
  app: AppHost;
}

/** Channel prefix every IPC message carries; the preload refuses anything else. */
export const CHANNEL_PREFIX = 'driftline:';

/** The invokable methods, as `capability.method`, derived from the interfaces above. */
type InvokeCapability = 'files' | 'documents' | 'recent';
export type InvokeMethods = {
  [C in InvokeCapability]: {
    [M in keyof DriftlineHost[C] & string]: `${C}.${M}`;
  }[keyof DriftlineHost[C] & string];
}[InvokeCapability] | 'app.version';

export const INVOKE_METHODS: readonly InvokeMethods[] = [
  'files.pickEvidence',
  'files.readChunk',
  'documents.saveAs',
  'documents.writeTo',
  'documents.open',
  'recent.list',
  'recent.open',
  'recent.remove',
  'recent.locate',
  'app.version',
];

export const channel = (method: InvokeMethods) => `${CHANNEL_PREFIX}${method}`;
export const MENU_CHANNEL = `${CHANNEL_PREFIX}menu`;
/** Main → window: `(id)`, File ▸ Open Recent chose the entry with that id. */
export const OPEN_RECENT_CHANNEL = `${CHANNEL_PREFIX}open-recent`;

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
