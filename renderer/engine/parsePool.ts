// Parse workers for the engine worker (nested dedicated workers): line formats are parsed on these,
// so the engine thread only reads, hashes and inserts. Started on the first import, kept for the next.
import { SpareBuffers, workerFor, type LineJob, type LineJobResult, type ParsePool } from '../../shared/importers/parallel';

type Reply = { id: number; result?: LineJobResult; error?: string; spare?: ArrayBuffer };

export function browserParsePool(size = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 4))): ParsePool {
  const pending = new Map<number, { resolve: (r: LineJobResult) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let turn = 0;
  let failure: Error | undefined;
  const spare = new SpareBuffers();
  const workers = Array.from({ length: size }, (_, i) => {
    const w = new Worker(new URL('./parseWorker.ts', import.meta.url), { type: 'module', name: `driftline-parse-${i + 1}` });
    w.onmessage = (e: MessageEvent<Reply>) => {
      spare.give(e.data.spare);
      const p = pending.get(e.data.id);
      pending.delete(e.data.id);
      if (e.data.result) p?.resolve(e.data.result);
      else p?.reject(new Error(`parse worker: ${e.data.error}`));
    };
    w.onerror = (e) => {
      // A worker that fails to load or crashes fails the jobs in flight; the import rolls back and says why.
      e.preventDefault();
      failure ??= new Error(`parse worker failed: ${e.message || 'could not start'}`);
      for (const p of pending.values()) p.reject(failure);
      pending.clear();
    };
    return w;
  });
  return {
    size,
    memory: spare,
    get failure() {
      return failure;
    },
    run(job: LineJob) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      const w = workers[workerFor(job, workers.length, turn++)];
      return new Promise<LineJobResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ id, job }, [job.bytes.buffer as ArrayBuffer]);
      });
    },
    close() {
      for (const w of workers) w.terminate();
    },
  };
}
