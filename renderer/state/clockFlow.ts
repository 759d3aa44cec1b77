// Correcting a source's clock in the window: move its events, then re-analyse and refresh every view,
// as an import does, so timeline, graph, divergences and exports all read the corrected times.
import type { AppServices } from './context';

/** Sets the absolute offset; returns an error in words when it could not be applied (nothing changed then). */
export async function applyClockOffset({ store, engine }: AppServices, sourceId: number, offsetNs: bigint): Promise<string | null> {
  const before = store.get().phase;
  store.set({ phase: 'analyzing' });
  try {
    await engine.setClockOffset(sourceId, offsetNs);
  } catch (e) {
    store.set({ phase: before });
    return (e as Error).message;
  }
  store.set((s) => ({ dataVersion: s.dataVersion + 1, notice: null }));
  try {
    store.set({ analysis: await engine.analyze() });
  } catch (e) {
    store.set({ notice: `The clock offset is applied, but the analysis failed: ${(e as Error).message}. The timeline and raw records are still usable.` });
  }
  store.set((s) => ({ phase: 'ready', dataVersion: s.dataVersion + 1 }));
  return null;
}
