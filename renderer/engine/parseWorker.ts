// A parse worker, started by the engine worker: runs line jobs (shared/importers/parallel.ts) and hands
// the Arrow batches back without copying them.
import { JobRunner, type LineJob } from '../../shared/importers/parallel';

const runner = new JobRunner();

self.onmessage = (e: MessageEvent<{ id: number; job: LineJob }>) => {
  const { id, job } = e.data;
  try {
    const result = runner.run(job);
    // The job's own buffer goes back too, for the pool to fill with a later job.
    const spare = job.bytes.buffer as ArrayBuffer;
    const transfer = [result.eventsIpc, result.rawIpc].filter((b): b is Uint8Array => b !== null).map((b) => b.buffer as ArrayBuffer);
    self.postMessage({ id, result, spare }, { transfer: [...transfer, spare] });
  } catch (err) {
    self.postMessage({ id, error: (err as Error)?.message ?? String(err) });
  }
};
