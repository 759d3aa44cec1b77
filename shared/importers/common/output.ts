// The accumulate-and-drain half every RecordParser shares.
import type { ParsedEvent } from '../../model/event';
import type { LocatedError, ParseOutput, RecordParser } from '../types';

export class OutputBuffer {
  events: ParsedEvent[] = [];
  errors: LocatedError[] = [];
  merged = 0;

  error(line: number, reason: string): void {
    this.errors.push({ line, reason });
  }

  take(): ParseOutput {
    const out = { events: this.events, errors: this.errors, merged: this.merged, derived: derivedCount(this.events) };
    this.events = [];
    this.errors = [];
    this.merged = 0;
    return out;
  }
}

/**
 * Events beyond the first that one record yielded (a tool span → call + result, a chat message with two
 * tool calls). Provenance says which record an event came from, and a record's events are pushed
 * together, so an event citing the same line and pointer as the one before it is derived from that record.
 */
export function derivedCount(events: readonly ParsedEvent[]): number {
  let n = 0;
  for (let i = 1; i < events.length; i++) {
    const a = events[i - 1], b = events[i];
    if (a.sourceLine === b.sourceLine && a.sourcePointer === b.sourcePointer) n++;
  }
  return n;
}

/** A parser for formats where each line stands alone. */
export function lineParser(parseLine: (text: string, line: number, out: OutputBuffer) => void, onFinish?: (out: OutputBuffer) => void): RecordParser {
  const out = new OutputBuffer();
  return {
    push: (text, line) => parseLine(text, line, out),
    drain: () => out.take(),
    finish: () => {
      onFinish?.(out);
      return out.take();
    },
  };
}

/** A parser for formats read whole: the pipeline pushes the file's text once. */
export function documentParser(parseDocument: (text: string, out: OutputBuffer) => void): RecordParser {
  return lineParser((text, _line, out) => parseDocument(text, out));
}
