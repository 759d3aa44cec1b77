// Messages between the UI thread and the engine worker: a discriminated union {id, type, data}
// with one result type per request type (after duckdb-wasm's WorkerTask).
import type { QueryLogEntry, Row, SqlValue } from '../../shared/db/db';
import type { AnalysisV1 } from '../../shared/analysis/types';
import type { ImportProgress } from '../../shared/importers/types';
import type { WireError } from '../../shared/ipc/host';
import type { ExportFormat } from '../../shared/export/input';
import type { AnnotationVersion, Stamp } from '../../shared/annotations';
import type { Presentation } from '../../shared/export/presentation';
import type { AnnotateOp } from './annotate';
import type { OffsetChange } from '../../shared/importers/clockOffset';

export type { AnnotateOp };

/** A file as it reaches the worker: a Blob (browser, sample) or a host handle read in chunks (Electron). */
export type WireFile =
  | { kind: 'blob'; name: string; path: string; blob: Blob }
  | { kind: 'host'; name: string; path: string; size: number; handle: string };

export interface ImportSummary {
  path: string;
  sourceId: number | null;
  events: number;
  errors: number;
  ms: number;
  cancelled: boolean;
  error?: WireError;
}

export interface EngineRequests {
  open: { data: null; result: { ms: number; version: string } };
  import: { data: { files: WireFile[] }; result: ImportSummary[] };
  cancel: { data: null; result: null };
  query: { data: { tag: string; sql: string; params?: readonly SqlValue[] }; result: Row[] };
  analyze: { data: null; result: AnalysisV1 };
  reset: { data: null; result: null };
  export: { data: { format: ExportFormat; profile: string; generatedAt: string }; result: string };
  save: { data: { appVersion: string; savedAt: string; createdAt?: string; views?: unknown[] }; result: Uint8Array };
  openInvestigation: { data: { bytes: Uint8Array }; result: { analysis: AnalysisV1 | null; views: unknown[]; appVersion: string } };
  annotate: { data: { op: AnnotateOp; stamp: Stamp }; result: AnnotationVersion };
  /** Current annotations and every version of each (for per-item history). */
  annotations: { data: null; result: { current: AnnotationVersion[]; history: AnnotationVersion[] } };
  presentation: { data: { profile: string; generatedAt: string }; result: Presentation };
  queryLog: { data: null; result: { recent: QueryLogEntry[]; slow: QueryLogEntry[] } };
  /** Sets a source's clock offset (absolute, ns); its events move by the change. Re-run `analyze` after. */
  setClockOffset: { data: { sourceId: number; offsetNs: bigint }; result: OffsetChange };
}

export type RequestType = keyof EngineRequests;

export type EngineRequest = {
  [K in RequestType]: { id: number; type: K; data: EngineRequests[K]['data'] };
}[RequestType];

/** Worker → UI. `chunk` asks the UI to read host bytes, because window.driftline lives only there. */
export type EngineMessage =
  | { id: number; type: 'ok'; data: unknown }
  | { id: number; type: 'error'; data: WireError }
  | { id: number; type: 'progress'; data: ImportProgress }
  | { id: number; type: 'chunk'; data: { handle: string; offset: number; length: number } };

/** UI → worker answer to a `chunk` request. */
export type ChunkReply = { id: number; type: 'chunk-reply'; data: { bytes?: Uint8Array; error?: WireError } };
