// One imported evidence file and what became of its records.
import type { Nanos, SourceId } from './ids';

export interface SourceInfo {
  id: SourceId;
  /** Path as the user gave it (CLI) or file name (app). */
  path: string;
  size: number;
  sha256: string;
  format: string;
  confidence: number;
  parserVersion: number;
  events: number;
  /** Records folded into another (e.g. audit stages of one request). */
  merged: number;
  /** Events made in addition to one per record (a tool span's call and result): records = events − derived + merged + errors. */
  derived: number;
  errors: number;
  minTs: Nanos | null;
  maxTs: Nanos | null;
  /** Added to every timestamp of this source, in nanoseconds. */
  clockOffsetNs: bigint;
}

/** A record that could not become an event, located so a person can open it. */
export interface ImportError {
  sourceId: SourceId;
  line: number;
  reason: string;
}
