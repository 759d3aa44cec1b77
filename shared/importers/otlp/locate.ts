// Finds the line where each record object starts in a pretty-printed document, by walking its id keys
// (`"spanId"` for OTLP, `"id"` for Zipkin, `"spanID"` for Jaeger) in document order.

export class SpanLocator {
  private cursor = 0;
  private lineAtCursor = 0;

  private readonly key: RegExp;

  constructor(private readonly text: string, private readonly baseLine: number, idKey = 'spanId') {
    this.key = new RegExp(`"${idKey}"\\s*:\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|(-?\\d+))`, 'g');
  }

  /** Line of the next object holding the key, whatever its value (for keys whose values are long escaped text). */
  nextLine(): number | undefined {
    return this.lineOf(undefined);
  }

  /** Line of the span whose spanId is spelled `id`, searching forward from the previous span. */
  lineOf(id: string | undefined): number | undefined {
    if (!this.text || id === '') return undefined;
    const re = this.key;
    re.lastIndex = this.cursor;
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      if (id !== undefined && (m[1] ?? m[2]) !== id) continue;
      const start = Math.max(this.openingBrace(m.index), this.cursor);
      this.advance(start);
      const line = this.baseLine + this.lineAtCursor;
      this.advance(re.lastIndex);
      return line;
    }
    return undefined;
  }

  /** The `{` that opens the object holding `pos`, skipping nested objects that come before the id key. */
  private openingBrace(pos: number): number {
    let depth = 0;
    for (let i = pos - 1; i >= this.cursor; i--) {
      const c = this.text.charCodeAt(i);
      if (c === 125) depth++; // }
      else if (c === 123) {
        if (depth === 0) return i;
        depth--;
      }
    }
    return this.cursor;
  }

  private advance(pos: number): void {
    for (let i = this.text.indexOf('\n', this.cursor); i >= 0 && i < pos; i = this.text.indexOf('\n', i + 1)) this.lineAtCursor++;
    this.cursor = Math.max(this.cursor, pos);
  }
}
