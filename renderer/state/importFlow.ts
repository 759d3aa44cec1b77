// One import, start to finish: per-file progress, then the analysis, then the views refresh.
import type { ImportProgress } from '../../shared/importers/types';
import type { WireFile } from '../engine/protocol';
import type { AppServices } from './context';
import type { FileProgress } from './appState';

const blank = (f: WireFile): FileProgress => ({
  path: f.path,
  bytesRead: 0,
  totalBytes: f.kind === 'blob' ? f.blob.size : f.size,
  events: 0,
  errors: 0,
  elapsedMs: 0,
  done: false,
  cancelled: false,
});

export async function importEvidence({ store, engine }: AppServices, files: WireFile[]): Promise<void> {
  if (!files.length) return;
  const hadData = store.get().dataVersion > 0;
  store.set({ phase: 'importing', notice: null, progress: files.map(blank) });
  const onProgress = (p: ImportProgress) =>
    store.set((s) => ({ progress: s.progress.map((f) => (f.path === p.path && !f.done ? { ...f, ...p } : f)) }));
  try {
    const summaries = await engine.import(files, onProgress);
    store.set((s) => ({
      imports: [...s.imports, ...summaries],
      progress: s.progress.map((f) => {
        const sum = summaries.find((x) => x.path === f.path);
        return sum ? { ...f, done: true, events: sum.events || f.events, errors: sum.errors, cancelled: sum.cancelled, error: sum.error?.message } : f;
      }),
    }));
    const failed = summaries.filter((s) => s.error && !s.cancelled);
    const imported = summaries.some((s) => s.sourceId !== null) || hadData;
    if (!imported) {
      store.set({ phase: 'empty', notice: failed.length ? describeFailures(failed.map((f) => `${f.path}: ${f.error?.message}`)) : 'Import cancelled.' });
      return;
    }
    store.set((s) => ({ phase: 'analyzing', dataVersion: s.dataVersion + 1, notice: failed.length ? describeFailures(failed.map((f) => `${f.path}: ${f.error?.message}`)) : null }));
    try {
      const analysis = await engine.analyze();
      store.set({ analysis });
    } catch (e) {
      store.set({ notice: `The events are loaded, but the analysis failed: ${(e as Error).message}. The timeline and raw records are still usable.` });
    }
    store.set((s) => ({ phase: 'ready', dataVersion: s.dataVersion + 1 }));
  } catch (e) {
    store.set({ phase: hadData ? 'ready' : 'empty', notice: `Import failed: ${(e as Error).message}. Check that the files are logs, audit logs or agent traces, then try again.` });
  }
}

function describeFailures(lines: string[]): string {
  return `Some files could not be imported — ${lines.join('; ')}. The other files were loaded.`;
}
