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
    const out = { events: this.events, errors: this.errors, merged: this.merged };
    this.events = [];
    this.errors = [];
    this.merged = 0;
    return out;
  }
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
