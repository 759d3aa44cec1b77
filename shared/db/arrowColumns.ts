// Arrow column builders that write straight into typed arrays: the import path builds ~1M rows a
// second through these, so they avoid per-value objects and per-character work where they can.
import { makeData, Utf8, type Data } from 'apache-arrow';

const encoder = new TextEncoder();

/** Strings at least this long go through TextEncoder.encodeInto (native, vectorised); shorter ones through a byte loop. */
const ENCODE_INTO_MIN = 24;

/** Accumulates one Utf8 column: offsets plus a growing byte buffer. */
export class Utf8Column {
  private offsets: Int32Array;
  private bytes: Uint8Array;
  private pos = 0;
  private n = 0;
  /**
   * `bytesPerRow`: expected average width; `knownChars`: total UTF-16 length of the strings to come,
   * when the caller can sum it (exact for ASCII; other text grows the buffer once).
   */
  constructor(capacity: number, bytesPerRow = 32, knownChars = 0) {
    this.offsets = new Int32Array(capacity + 1);
    this.bytes = new Uint8Array(Math.max(1024, capacity * bytesPerRow, knownChars + 64));
  }
  get length(): number {
    return this.n;
  }
  add(s: string): void {
    const len = s.length;
    let pos = this.pos;
    if (len >= ENCODE_INTO_MIN) {
      if (pos + len > this.bytes.length) this.grow(pos + len * 3);
      const r = encoder.encodeInto(s, this.bytes.subarray(pos));
      if (r.read < len) {
        // Did not fit (multi-byte characters): make room for the worst case, then write it again.
        this.grow(pos + len * 3);
        pos += encoder.encodeInto(s, this.bytes.subarray(pos)).written;
      } else pos += r.written;
    } else {
      // encodeInto writes at most 3 bytes per UTF-16 unit.
      if (pos + len * 3 > this.bytes.length) this.grow(pos + len * 3);
      const bytes = this.bytes;
      let i = 0;
      // ASCII fast path: a byte loop beats creating a subarray view per string for short strings.
      for (; i < len; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        bytes[pos++] = c;
      }
      if (i < len) pos += encoder.encodeInto(s.slice(i), bytes.subarray(pos)).written;
    }
    if (pos > 0x7fffffff) throw new Error('Arrow batch too large for 32-bit string offsets');
    this.pos = pos;
    if (this.n + 1 >= this.offsets.length) this.growOffsets();
    this.offsets[++this.n] = pos;
  }
  /** Starts over in the same buffers (earlier `data()` views then see the new values). */
  reset(): void {
    this.pos = 0;
    this.n = 0;
  }
  private growOffsets(): void {
    const next = new Int32Array(this.offsets.length * 2);
    next.set(this.offsets);
    this.offsets = next;
  }
  private grow(need: number): void {
    if (need <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(need, this.bytes.length * 2));
    next.set(this.bytes.subarray(0, this.pos));
    this.bytes = next;
  }
  data(): Data<Utf8> {
    return makeData({ type: new Utf8(), length: this.n, valueOffsets: this.offsets.subarray(0, this.n + 1), data: this.bytes.subarray(0, this.pos) });
  }
}
