// Finds the line where each record object starts in a pretty-printed document, by walking its id keys
// (`"spanId"` for OTLP, `"id"` for Zipkin, `"spanID"` for Jaeger) in document order.

export class SpanLocator {
  private cursor = 0;
  private lineAtCursor = 0;

  private readonly key: RegExp;

  constructor(private readonly text: string, private readonly baseLine: number, idKey = 'spanId') {
    this.key = new RegExp(`"${idKey}"\\s*:\\s*"([^"]*)"`, 'g');
  }

  /** Line of the span whose spanId is spelled `id`, searching forward from the previous span. */
  lineOf(id: string): number | undefined {
    if (!this.text || !id) return undefined;
    const re = this.key;
    re.lastIndex = this.cursor;
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      if (m[1] !== id) continue;
      const brace = this.text.lastIndexOf('{', m.index);
      const start = Math.max(brace, this.cursor);
      this.advance(start);
      const line = this.baseLine + this.lineAtCursor;
      this.advance(re.lastIndex);
      return line;
    }
    return undefined;
  }

  private advance(pos: number): void {
    for (let i = this.text.indexOf('\n', this.cursor); i >= 0 && i < pos; i = this.text.indexOf('\n', i + 1)) this.lineAtCursor++;
    this.cursor = Math.max(this.cursor, pos);
  }
}
