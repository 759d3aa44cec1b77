// What every exporter reads: the analysis, the sources, the timeline and the annotations, already
// redacted (see shared/redaction). Exporters are pure functions of this; load.ts fills it from a Db.
import type { AnalysisV1 } from '../analysis/types';
import type { AnnotationVersion } from '../annotations/types';
import type { EventRow } from '../model/event';

export interface ExportSource {
  id: number;
  path: string;
  sha256: string;
  size: number;
  format: string;
  events: number;
}

export interface ExportInput {
  analysis: AnalysisV1;
  sources: ExportSource[];
  /** Timeline events ordered by time: every event for CSV/Timesketch, the cited ones for documents. */
  events: EventRow[];
  /** Current annotations (deleted ones left out). */
  annotations: AnnotationVersion[];
  /** Every version of every annotation, for the JSON export. */
  history: AnnotationVersion[];
  /** Raw records of the cited events; empty once a profile drops raw records. */
  raw: { eventId: number; raw: string }[];
  /** When the export was made (passed in: shared code reads no clock). */
  generatedAt: string;
  /** The saved investigation this came from, so a reader can match the document to the file. */
  investigation: { sha256: string; savedAt: string; appVersion: string } | null;
}

/** Which redaction profile produced the input, stated in every export. */
export interface RedactionInfo {
  profile: string;
  description: string;
  secretsMasked: number;
  peopleReplaced: number;
}

export type ExportFormat = 'md' | 'json' | 'html' | 'svg' | 'csv' | 'timesketch';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['md', 'json', 'html', 'svg', 'csv', 'timesketch'];
export const FORMAT_EXTENSIONS: Record<ExportFormat, string> = { md: 'md', json: 'json', html: 'html', svg: 'svg', csv: 'csv', timesketch: 'jsonl' };
