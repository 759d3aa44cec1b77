// The engine that lives in the worker: owns the database, runs imports one file at a time, answers queries.
import { migrate } from '../../shared/db/schema';
import { QueryLog, withQueryLog, type Db } from '../../shared/db/db';
import { toWireError, fromWireError, type WireError } from '../../shared/ipc/host';
import { blobByteSource, cancellable, hostByteSource, CancelledError } from './byteSources';
import { openBrowserDb } from './browserDb';
import { anchorUntimedSources, openInvestigation, reserveForImport, runAnalysis, runExport, runImport, saveInvestigation } from './pipelines';
import type { AnalysisV1 } from '../../shared/analysis/types';
import { allVersions, current } from '../../shared/annotations';
import { loadExportInput } from '../../shared/export';
import { buildPresentation } from '../../shared/export/presentation';
import { annotate } from './annotate';
import { setClockOffset } from '../../shared/importers/clockOffset';
import type { ChunkReply, EngineMessage, EngineRequest, EngineRequests, ImportSummary, WireFile } from './protocol';

type Post = (message: EngineMessage) => void;

export class Engine {
  private db: Promise<{ db: Db; version: string; ms: number }> | null = null;
  private abort = new AbortController();
  /** Every query the views and pipelines run, timed, for the debug panel and the benchmark. */
  private readonly log = new QueryLog();
  /** The last analysis, which saving and exporting include. */
  private analysis: AnalysisV1 | null = null;
  private nextChunk = 1;
  private readonly pendingChunks = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();

  constructor(private readonly post: Post) {}

  /** Entry for every message from the UI thread. */
  onMessage(msg: EngineRequest | ChunkReply): void {
    if (msg.type === 'chunk-reply') return this.settleChunk(msg);
    this.dispatch(msg).then(
      (data) => this.post({ id: msg.id, type: 'ok', data }),
      (e: unknown) => this.post({ id: msg.id, type: 'error', data: toWireError(e, e instanceof CancelledError ? 'cancelled' : 'internal') }),
    );
  }

  private async dispatch(msg: EngineRequest): Promise<EngineRequests[EngineRequest['type']]['result']> {
    switch (msg.type) {
      case 'open': {
        const { ms, version } = await this.open();
        return { ms, version };
      }
      case 'import':
        return this.importFiles(msg.id, msg.data.files);
      case 'cancel':
        this.abort.abort();
        return null;
      case 'query': {
        const { db } = await this.open();
        return db.query(msg.data.tag, msg.data.sql, msg.data.params);
      }
      case 'analyze':
        this.analysis = await runAnalysis((await this.open()).db);
        return this.analysis;
      case 'export': {
        const { db } = await this.open();
        this.analysis ??= await runAnalysis(db);
        return runExport(db, this.analysis, msg.data.format, msg.data.profile, msg.data.generatedAt);
      }
      case 'save':
        return saveInvestigation((await this.open()).db, { ...msg.data, analysis: this.analysis });
      case 'openInvestigation': {
        const opened = await openInvestigation((await this.open()).db, msg.data.bytes);
        this.analysis = opened.analysis;
        return { analysis: opened.analysis, views: opened.views, appVersion: opened.manifest.app_version };
      }
      case 'reset':
        await this.reset();
        return null;
      case 'annotate':
        return annotate((await this.open()).db, msg.data.op, msg.data.stamp);
      case 'annotations': {
        const { db } = await this.open();
        return { current: await current(db), history: await allVersions(db) };
      }
      case 'presentation': {
        const { db } = await this.open();
        this.analysis ??= await runAnalysis(db);
        const input = await loadExportInput(db, this.analysis, { generatedAt: msg.data.generatedAt, timeline: 'cited' });
        return buildPresentation(input, msg.data.profile);
      }
      case 'queryLog':
        return { recent: [...this.log.recent], slow: [...this.log.slow] };
      case 'setClockOffset':
        this.analysis = null; // times moved: the last analysis no longer holds
        return setClockOffset((await this.open()).db, msg.data.sourceId, msg.data.offsetNs);
    }
  }

  private open() {
    this.db ??= (async () => {
      const start = performance.now();
      const opened = await openBrowserDb();
      const db = withQueryLog(opened.db, this.log);
      const version = opened.version;
      await migrate(db);
      return { db, version, ms: performance.now() - start };
    })();
    return this.db;
  }

  private async reset() {
    const old = this.db;
    this.db = null;
    if (old) await (await old).db.close();
  }

  private async importFiles(id: number, files: WireFile[]): Promise<ImportSummary[]> {
    const { db } = await this.open();
    this.abort = new AbortController();
    const signal = this.abort.signal;
    const results: ImportSummary[] = [];
    reserveForImport(db, files.map((f) => (f.kind === 'blob' ? f.blob.size : f.size)));
    for (const f of files) {
      const start = performance.now();
      const base = { path: f.path, sourceId: null, events: 0, errors: 0, cancelled: false };
      if (signal.aborted) {
        results.push({ ...base, ms: 0, cancelled: true });
        continue;
      }
      const src = f.kind === 'blob'
        ? blobByteSource(f.blob, f.name, f.path)
        : hostByteSource(f.handle, f.name, f.path, f.size, (h, o, l) => this.readChunk(h, o, l));
      try {
        const out = await runImport(db, cancellable(src, signal), (p) => this.post({ id, type: 'progress', data: p }), signal);
        results.push({ ...base, ...out, ms: performance.now() - start });
      } catch (e) {
        const cancelled = e instanceof CancelledError || signal.aborted;
        results.push({ ...base, ms: performance.now() - start, cancelled, error: toWireError(e, cancelled ? 'cancelled' : 'invalid') });
      }
    }
    // Before the analysis the import flow asks for next: untimed transcripts placed from the other evidence.
    // Best effort: a failure leaves them at 0, which the Sources panel says, and the import stands.
    if (results.some((r) => r.sourceId !== null)) await anchorUntimedSources(db).catch(() => undefined);
    return results;
  }

  private readChunk(handle: string, offset: number, length: number): Promise<Uint8Array> {
    const id = this.nextChunk++;
    return new Promise((resolve, reject) => {
      this.pendingChunks.set(id, { resolve, reject });
      this.post({ id, type: 'chunk', data: { handle, offset, length } });
    });
  }

  private settleChunk(reply: ChunkReply) {
    const pending = this.pendingChunks.get(reply.id);
    if (!pending) return;
    this.pendingChunks.delete(reply.id);
    if (reply.data.bytes) pending.resolve(reply.data.bytes);
    else pending.reject(fromWireError(reply.data.error as WireError));
  }
}
