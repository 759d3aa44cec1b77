// A parse worker thread for the CLI: runs line jobs (shared/importers/parallel.ts) and hands the
// Arrow batches back without copying them.
import { parentPort } from 'node:worker_threads';
import { JobRunner, type Decode, type LineJob } from '../../shared/importers/parallel';

// Buffer's UTF-8 decoder is several times faster than Node 20's non-fatal TextDecoder, and replaces
// invalid sequences with U+FFFD the same way.
const decode: Decode = (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
const runner = new JobRunner(decode);

interface Request {
  id: number;
  job: LineJob;
}

parentPort?.on('message', ({ id, job }: Request) => {
  try {
    const result = runner.run(job);
    const transfer = [result.eventsIpc, result.rawIpc].filter((b): b is Uint8Array => b !== null).map((b) => b.buffer as ArrayBuffer);
    parentPort!.postMessage({ id, result }, transfer);
  } catch (e) {
    parentPort!.postMessage({ id, error: (e as Error)?.message ?? String(e) });
  }
});
