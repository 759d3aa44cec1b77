// Turns a stream of decoded text chunks into numbered lines, so every event keeps its 1-based source line.

export type LineSink = (text: string, line: number) => void;

/**
 * Feed decoded text in any chunking; complete lines come out with their 1-based number.
 * `\r\n` and `\n` end a line; a trailing `\r` is dropped. Blank lines are counted but not emitted.
 */
export class LineSplitter {
  private carry = '';
  private line = 0;

  constructor(private readonly sink: LineSink) {}

  /** Number of the last line emitted or skipped. */
  get lineNumber(): number {
    return this.line;
  }

  push(chunk: string): void {
    let text = this.carry.length ? this.carry + chunk : chunk;
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      this.emit(text, start, nl);
      start = nl + 1;
    }
    this.carry = start === 0 ? text : text.slice(start);
    text = '';
  }

  /** Flushes a last line that has no newline after it. */
  end(): void {
    if (this.carry.length) this.emit(this.carry, 0, this.carry.length);
    this.carry = '';
  }

  private emit(text: string, start: number, end: number): void {
    this.line++;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    if (end <= start) return;
    const s = text.slice(start, end);
    if (isBlank(s)) return;
    this.sink(s, this.line);
  }
}

function isBlank(s: string): boolean {
  // Fast path: most lines start with a visible character.
  const c = s.charCodeAt(0);
  if (c !== 32 && c !== 9 && c !== 0xfeff) return false;
  return s.trim().length === 0;
}
