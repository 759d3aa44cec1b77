// Current annotations and their history from the engine, re-read after every write.
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { AnnotationVersion } from '../../../shared/annotations';
import type { AnnotateOp } from '../../engine/protocol';
import { useAppState } from '../../hooks/useAppState';
import { getAuthor } from '../../hooks/useAuthor';
import { useQuery } from '../../hooks/useQuery';
import { useServices, type AppServices } from '../../state/context';
import { markChanged } from '../../state/autosaveService';

let written = 0;
const listeners = new Set<() => void>();
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useAnnotations(): { current: AnnotationVersion[]; history: AnnotationVersion[] } {
  const version = useAppState((s) => s.dataVersion);
  const writes = useSyncExternalStore(subscribe, () => written);
  const { data } = useQuery((e) => e.annotations(), [version, writes]);
  return data ?? { current: [], history: [] };
}

/**
 * A manual event is evidence too: the analysis runs again so the timeline, graph and divergence views
 * (and the next save or export) include it.
 */
async function reanalyze({ engine, store }: AppServices): Promise<void> {
  try {
    const analysis = await engine.analyze();
    store.set((s) => ({ analysis, dataVersion: s.dataVersion + 1 }));
  } catch (e) {
    store.set({ notice: `The manual event is saved, but the analysis could not run again: ${(e as Error).message}. The timeline shows the event; reopen the investigation to retry.` });
  }
}

/** Writes one annotation as the current author; manual events also refresh the timeline and the analysis. */
export async function writeAnnotation(services: AppServices, op: AnnotateOp): Promise<AnnotationVersion | null> {
  const author = getAuthor();
  if (!author) {
    services.store.set({ notice: 'Enter your name above the notes first: every annotation records its author.' });
    return null;
  }
  try {
    const v = await services.engine.annotate(op, { author, at: new Date().toISOString() });
    written++;
    for (const l of listeners) l();
    markChanged();
    if (op.verb === 'addManualEvent') {
      services.store.set((s) => ({ dataVersion: s.dataVersion + 1 }));
      void reanalyze(services);
    }
    return v;
  } catch (e) {
    services.store.set({ notice: `Could not save the annotation: ${(e as Error).message}` });
    return null;
  }
}

/**
 * Writes to one target's note, one at a time, each computed against the newest version known: the one just
 * written, not the one the last render saw. Without this, Enter followed at once by a blur (or a second tag
 * before the annotations are re-read) wrote the same change twice, or created a second note.
 */
export function useNoteWriter(note: AnnotationVersion | undefined, targetKey: string) {
  const services = useServices();
  const latest = useRef<{ key: string; note: AnnotationVersion | undefined }>({ key: targetKey, note });
  if (latest.current.key !== targetKey) latest.current = { key: targetKey, note };
  else if (note && (!latest.current.note || note.version >= latest.current.note.version)) latest.current.note = note;
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  return useCallback(
    (makeOp: (current: AnnotationVersion | undefined) => AnnotateOp | null): Promise<boolean> => {
      const run = queue.current.then(async () => {
        const op = makeOp(latest.current.note);
        if (!op) return true;
        const written = await writeAnnotation(services, op);
        if (written && latest.current.key === targetKey) latest.current.note = written;
        return written !== null;
      });
      queue.current = run;
      return run;
    },
    [services, targetKey],
  );
}
