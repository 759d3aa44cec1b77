// Parse workers for the engine worker (nested dedicated workers): line formats are parsed on these,
// so the engine thread only reads, hashes and inserts. Started on the first import, kept for the next.
// Buffers are transferred and job buffers handed back. Not through shared slots as in the CLI: a browser's
// TextDecoder refuses views of shared memory, and Arrow decodes a stream's field names with it.
import { workerFor, type LineJob, type LineJobResult, type ParsePool } from '../../shared/importers/parallel';
import { JobWire, type WorkerReply } from '../../shared/importers/sharedSlots';

/**
 * As many parse workers as cores, at most 4: unlike the CLI (see parseThreadsFor), the page's own thread is
 * mostly idle during an import, and a browser worker's parse costs more. Measured in chromium on 2 cores,
 * 1M events to views ready: two workers 16.8 s, one 19.9 s.
 */
export function browserParsePool(size = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 4))): ParsePool {
  const pending = new Map<number, { resolve: (r: LineJobResult) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let turn = 0;
  let failure: Error | undefined;
  const wire = new JobWire();
  const workers = Array.from({ length: size }, (_, i) => {
    const w = new Worker(new URL('./parseWorker.ts', import.meta.url), { type: 'module', name: `driftline-parse-${i + 1}` });
    w.postMessage(wire.init);
    w.onmessage = (e: MessageEvent<WorkerReply>) => {
      const p = pending.get(e.data.id);
      pending.delete(e.data.id);
      try {
        const result = wire.reply(e.data);
        p?.resolve(result);
      } catch (err) {
        p?.reject(err as Error);
      }
    };
    w.onerror = (e) => {
      // A worker that fails to load or crashes fails the jobs in flight; the import rolls back and says why.
      e.preventDefault();
      failure ??= new Error(`parse worker failed: ${e.message || 'could not start'}`);
      for (const [id, p] of pending) {
        wire.abandon(id);
        p.reject(failure);
      }
      pending.clear();
    };
    return w;
  });
  return {
    size,
    memory: wire.memory,
    get failure() {
      return failure;
    },
    run(job: LineJob) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      const w = workers[workerFor(job, workers.length, turn++)];
      return new Promise<LineJobResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const { message, transfer } = wire.request(id, job);
        w.postMessage(message, transfer);
      });
    },
    release: (result) => wire.release(result),
    close() {
      for (const w of workers) w.terminate();
    },
  };
}
