// Investigation documents and exports: save through the platform dialog, write atomically, open.
// The renderer may only write to paths the user chose in a dialog this session (or reopened from the
// recent list), so a compromised page cannot overwrite arbitrary files through writeTo.
import path from 'node:path';
import type { DocumentsHost, FileFilter } from '../../shared/ipc/host';
import { writeFileAtomic } from './atomicWrite';
import { readFileBytes } from './fileBytes';
import { HostError } from './hostError';
import { isInvestigationFile } from './recent';

export interface DocumentDialogs {
  /** Resolves to the chosen path, undefined when cancelled. */
  save(suggestedName: string, filters: FileFilter[]): Promise<string | undefined>;
  open(filters: FileFilter[]): Promise<string | undefined>;
}

export type OpenedDocument = { path: string; name: string; data: Uint8Array };

export interface DocumentsService extends DocumentsHost {
  /** Called when a path was chosen outside the dialogs above (e.g. from the recent list). */
  allow(file: string): void;
  /**
   * Opens an investigation without a dialog, for the recent list: only .driftline files, and the caller
   * must have taken the path from its own list, never from the page. Saving back to it is then allowed.
   */
  reopen(file: string): Promise<OpenedDocument>;
}

export interface DocumentsOptions {
  write?: (target: string, data: Uint8Array) => Promise<void>;
  /** Told about every investigation file (.driftline, not exports) saved or opened through a dialog: the recent list. */
  onDocument?: (file: string, size: number) => void;
}

export function createDocumentsService(dialogs: DocumentDialogs, options: DocumentsOptions = {}): DocumentsService {
  const { write = writeFileAtomic, onDocument = () => {} } = options;
  const chosen = new Set<string>();
  const allow = (file: string) => void chosen.add(path.resolve(file));

  return {
    allow,

    async saveAs(suggestedName, data, filters) {
      checkBytes(data);
      const target = await dialogs.save(String(suggestedName ?? ''), checkFilters(filters));
      if (!target) return null;
      await write(target, data);
      allow(target);
      if (isInvestigationFile(target)) onDocument(target, data.byteLength);
      return target;
    },

    async writeTo(target, data) {
      checkBytes(data);
      if (typeof target !== 'string' || !chosen.has(path.resolve(target))) {
        throw new HostError('denied', 'Can only write to a file chosen with Save As or Open in this session.');
      }
      await write(target, data);
    },

    async open(filters) {
      const file = await dialogs.open(checkFilters(filters));
      if (!file) return null;
      const data = await readFileBytes(file);
      allow(file);
      if (isInvestigationFile(file)) onDocument(file, data.byteLength);
      return { path: file, name: path.basename(file), data };
    },

    async reopen(file) {
      if (!isInvestigationFile(file)) throw new HostError('denied', `${path.basename(file)} is not a Driftline investigation (.driftline).`);
      const data = await readFileBytes(file);
      allow(file);
      return { path: file, name: path.basename(file), data };
    },
  };
}

function checkBytes(data: unknown): asserts data is Uint8Array {
  if (!(data instanceof Uint8Array)) throw new HostError('invalid', 'Document data must be bytes (Uint8Array).');
}

/** Filters come from the renderer: keep only well-formed ones so the dialog never sees junk. */
function checkFilters(filters: unknown): FileFilter[] {
  if (!Array.isArray(filters)) return [];
  return filters
    .filter((f): f is FileFilter => typeof f?.name === 'string' && Array.isArray(f.extensions))
    .map((f) => ({ name: f.name, extensions: f.extensions.filter((e): e is string => typeof e === 'string') }));
}
