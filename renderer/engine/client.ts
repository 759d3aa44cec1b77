// The UI thread's typed handle on the engine worker: one promise per request, progress per file.
import type { Row, SqlValue } from '../../shared/db/db';
import type { AnalysisV1 } from '../../shared/analysis/types';
import type { ImportProgress } from '../../shared/importers/types';
import { fromWireError, toWireError } from '../../shared/ipc/host';
import type { EngineMessage, EngineRequests, ImportSummary, RequestType, WireFile } from './protocol';

type ReadChunk = (handle: string, offset: number, length: number) => Promise<Uint8Array>;

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  onProgress?: (p: ImportProgress) => void;
}

export class EngineClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: Worker, private readonly readChunk?: ReadChunk) {
    worker.onmessage = (e: MessageEvent<EngineMessage>) => this.onMessage(e.data);
    worker.onerror = (e) => this.failAll(new Error(`The engine stopped: ${e.message}`));
  }

  static start(readChunk?: ReadChunk): EngineClient {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'driftline-engine' });
    return new EngineClient(worker, readChunk);
  }

  open() {
    return this.call('open', null);
  }

  /** Imports files one after another; onProgress gets each file's progress as it reads. */
  import(files: WireFile[], onProgress?: (p: ImportProgress) => void): Promise<ImportSummary[]> {
    return this.call('import', { files }, onProgress);
  }

  cancel() {
    return this.call('cancel', null);
  }

  query<T extends Row = Row>(tag: string, sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.call('query', { tag, sql, params }) as Promise<T[]>;
  }

  analyze(): Promise<AnalysisV1> {
    return this.call('analyze', null);
  }

  export(format: EngineRequests['export']['data']['format'], profile: string) {
    return this.call('export', { format, profile, generatedAt: new Date().toISOString() });
  }

  save(data: EngineRequests['save']['data']) {
    return this.call('save', data);
  }

  openInvestigation(bytes: Uint8Array) {
    return this.call('openInvestigation', { bytes });
  }

  annotate(op: EngineRequests['annotate']['data']['op'], stamp: EngineRequests['annotate']['data']['stamp']) {
    return this.call('annotate', { op, stamp });
  }

  annotations() {
    return this.call('annotations', null);
  }

  presentation(profile = 'none') {
    return this.call('presentation', { profile, generatedAt: new Date().toISOString() });
  }

  queryLog() {
    return this.call('queryLog', null);
  }

  setClockOffset(sourceId: number, offsetNs: bigint) {
    return this.call('setClockOffset', { sourceId, offsetNs });
  }

  reset() {
    return this.call('reset', null);
  }

  terminate() {
    this.worker.terminate();
    this.failAll(new Error('The engine was stopped.'));
  }

  private call<K extends RequestType>(type: K, data: EngineRequests[K]['data'], onProgress?: (p: ImportProgress) => void) {
    const id = this.nextId++;
    return new Promise<EngineRequests[K]['result']>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      this.worker.postMessage({ id, type, data });
    });
  }

  private onMessage(msg: EngineMessage) {
    if (msg.type === 'chunk') return void this.answerChunk(msg.id, msg.data);
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.type === 'progress') return p.onProgress?.(msg.data);
    this.pending.delete(msg.id);
    if (msg.type === 'ok') p.resolve(msg.data);
    else p.reject(fromWireError(msg.data));
  }

  private async answerChunk(id: number, req: { handle: string; offset: number; length: number }) {
    try {
      if (!this.readChunk) throw new Error('This host cannot read files by handle.');
      const bytes = await this.readChunk(req.handle, req.offset, req.length);
      this.worker.postMessage({ id, type: 'chunk-reply', data: { bytes } }, [bytes.buffer]);
    } catch (e) {
      this.worker.postMessage({ id, type: 'chunk-reply', data: { error: toWireError(e) } });
    }
  }

  private failAll(err: Error) {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}
