// Parse worker threads for Node (CLI, tests, benchmarks), and the import options that use them with
// Node's native SHA-256: the importing thread is left with reading, hashing and inserting.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseThreadsFor, workerFor, type LineJob, type LineJobResult, type ParsePool } from '../../shared/importers/parallel';
import { JobWire, slotsFor, type WorkerReply } from '../../shared/importers/sharedSlots';
import type { Hasher } from '../../shared/importers/types';
import type { ImportOptions } from '../../shared/importers/pipeline';

/**
 * Beside the bundled CLI sits the bundled worker; when running from source (tests, tsx) it is bundled
 * here on first use, so source and build run the same code.
 */
async function workerSource(): Promise<{ file: string } | { code: string }> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const built = path.join(here, 'parseWorker.cjs');
  if (existsSync(built)) return { file: built };
  const esbuild = await import('esbuild');
  const out = await esbuild.build({
    entryPoints: [path.join(here, 'parseWorker.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'warning',
  });
  return { code: out.outputFiles[0].text };
}

let source: Promise<{ file: string } | { code: string }> | undefined;

export function defaultPoolSize(): number {
  return parseThreadsFor(availableParallelism());
}

/** A pool of `size` worker threads; idle workers never keep the process alive. */
export async function nodeParsePool(size = defaultPoolSize()): Promise<ParsePool> {
  const src = await (source ??= workerSource());
  const pending = new Map<number, { worker: Worker; resolve: (r: LineJobResult) => void; reject: (e: Error) => void }>();
  const busy = new Map<Worker, number>();
  let nextId = 1;
  let turn = 0;
  let failure: Error | undefined;
  const wire = new JobWire(slotsFor(size));
  // A worker holds the process open only while it has jobs: an idle pool never keeps the CLI from
  // exiting, and a busy one never lets it exit with an import half done.
  const settle = (id: number) => {
    const p = pending.get(id);
    pending.delete(id);
    if (!p) return undefined;
    const left = (busy.get(p.worker) ?? 1) - 1;
    busy.set(p.worker, left);
    if (left === 0) p.worker.unref();
    return p;
  };
  const workers = Array.from({ length: size }, () => {
    const w = 'file' in src ? new Worker(src.file) : new Worker(src.code, { eval: true });
    w.postMessage(wire.init);
    w.on('message', (reply: WorkerReply) => {
      const p = settle(reply.id);
      try {
        const result = wire.reply(reply);
        p?.resolve(result);
      } catch (e) {
        p?.reject(e as Error);
      }
    });
    w.on('error', (e) => {
      // A crashed worker fails every job in flight; the import rolls back and says why.
      failure = e;
      for (const id of [...pending.keys()]) {
        wire.abandon(id);
        settle(id)?.reject(new Error(`parse worker crashed: ${e.message}`));
      }
    });
    // After the listeners: adding a 'message' listener refs the worker again.
    w.unref();
    return w;
  });
  return {
    size,
    memory: wire.memory,
    get failure() {
      return failure;
    },
    run(job: LineJob) {
      if (failure) return Promise.reject(new Error(`parse worker crashed: ${failure.message}`));
      const id = nextId++;
      const w = workers[workerFor(job, workers.length, turn++)];
      const jobs = busy.get(w) ?? 0;
      if (jobs === 0) w.ref();
      busy.set(w, jobs + 1);
      return new Promise<LineJobResult>((resolve, reject) => {
        pending.set(id, { worker: w, resolve, reject });
        const { message, transfer } = wire.request(id, job);
        w.postMessage(message, transfer);
      });
    },
    release: (result) => wire.release(result),
    close() {
      for (const w of workers) void w.terminate();
    },
  };
}

export function nodeHasher(): Hasher {
  const h = createHash('sha256');
  return { update: (b) => h.update(b), hex: () => h.digest('hex') };
}

let shared: Promise<ParsePool> | undefined;

/** Import options for Node: the process-wide parse pool (a new one if the last crashed) and the native hash. */
export async function nodeImportOptions(): Promise<Pick<ImportOptions, 'pool' | 'createHasher'>> {
  if (shared && (await shared).failure) shared = undefined;
  return { pool: await (shared ??= nodeParsePool()), createHasher: nodeHasher };
}
