// Finds the line where each span object starts in a pretty-printed document, by walking its `"spanId"` keys in order.

export class SpanLocator {
  private cursor = 0;
  private lineAtCursor = 0;

  constructor(private readonly text: string, private readonly baseLine: number) {}

  /** Line of the span whose spanId is spelled `id`, searching forward from the previous span. */
  lineOf(id: string): number | undefined {
    if (!this.text || !id) return undefined;
    const re = /"spanId"\s*:\s*"([^"]*)"/g;
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
