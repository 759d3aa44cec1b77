import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../../shared/util/lineSplitter';

const split = (chunks: string[]) => {
  const out: [number, string][] = [];
  const s = new LineSplitter((t, l) => out.push([l, t]));
  chunks.forEach((c) => s.push(c));
  s.end();
  return out;
};

describe('LineSplitter', () => {
  it('numbers lines across any chunking, handling CRLF, blank lines and a last line without newline', () => {
    const text = 'a\r\nbb\n\n  \nccc\r\nd';
    const expected: [number, string][] = [[1, 'a'], [2, 'bb'], [5, 'ccc'], [6, 'd']];
    expect(split([text])).toEqual(expected);
    for (let cut = 0; cut <= text.length; cut++) expect(split([text.slice(0, cut), text.slice(cut)])).toEqual(expected);
    expect(split(text.split(''))).toEqual(expected);
  });

  it('keeps a CR split from its LF by a chunk boundary out of the line', () => {
    expect(split(['x\r', '\ny'])).toEqual([[1, 'x'], [2, 'y']]);
  });
});
