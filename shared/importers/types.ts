// The contract every evidence format implements: detect from the first bytes, parse without I/O.
import type { ParsedEvent } from '../model/event';

export interface LocatedError {
  /** 1-based line where the bad record starts. */
  line: number;
  reason: string;
}

export interface ParseOutput {
  events: ParsedEvent[];
  errors: LocatedError[];
  /** Records folded into an earlier one (e.g. the stages of one Kubernetes audit request). */
  merged: number;
  /**
   * Events made in addition to one per record (an OTLP tool span gives a tool_call and a tool_result):
   * records = events − derived + merged + errors. Absent means 0.
   */
  derived?: number;
}

/**
 * A stateful parser for one file. Line formats get every line; document formats get the
 * whole text once (line = 1). Records = events − derived + merged + errors, always.
 */
export interface RecordParser {
  push(text: string, line: number): void;
  /** Takes what has been produced so far, so the pipeline can insert in batches. */
  drain(): ParseOutput;
  /** End of input: whatever was held back (e.g. deduplicated audit stages). */
  finish(): ParseOutput;
}

export interface ParseContext {
  /** File name, for formats whose year or service comes from the name. */
  name: string;
  /** Year to assume for timestamps without one (RFC 3164 syslog); defaults to the file's. */
  assumeYear?: number;
  /** Where to place transcripts that carry no times (SWE-agent .traj, bare chat arrays), ns UTC; default 0 (index order only). */
  anchorNs?: bigint;
}

export interface Importer {
  /** Stable id recorded with each source, e.g. 'k8s-audit'. */
  id: string;
  label: string;
  /** Bumped when parsing changes what events a file yields. */
  version: number;
  mode: 'lines' | 'document';
  /**
   * Each line parses alone (no state carried between lines), so a fresh parser per run of lines gives
   * the same events and the file can be parsed on several threads.
   */
  parallelSafe?: boolean;
  /** Confidence 0..1 that `head` (the first ~64 KiB, decoded) is this format. */
  detect(head: string, name: string): number;
  createParser(ctx: ParseContext): RecordParser;
}

/** Something to read bytes from: a File in the browser, a path in Node, an IPC handle in Electron. */
export interface ByteSource {
  name: string;
  /** Path as the user gave it, or the file name where the host has no paths. */
  path: string;
  size: number;
  /**
   * `length` bytes from `offset`. A source may read them into `into` (at least `length` bytes, no longer
   * used by anyone) instead of new memory; the result is then a view of it.
   */
  read(offset: number, length: number, into?: Uint8Array): Promise<Uint8Array>;
}

/** An incremental hash; the host may supply a native one (Node's crypto) instead of the portable one. */
export interface Hasher {
  update(bytes: Uint8Array): unknown;
  hex(): string;
}

export interface ImportProgress {
  path: string;
  bytesRead: number;
  totalBytes: number;
  events: number;
  errors: number;
  /** Wall-clock milliseconds since the file started. */
  elapsedMs: number;
}
