// Where each element of a document's item arrays starts: the top-level array, or the arrays held by the
// top-level object's keys (`{"input": [...], "output": [...]}`). One pass over the text, strings skipped,
// so nested objects inside an element cannot be mistaken for the next element.

/** Key ('' for a top-level array) → 1-based line of each element, in order. */
export function elementLines(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const stack: number[] = []; // 123 `{` or 91 `[` per open container
  let line = 1;
  let key = '';
  let target: number[] | undefined;
  let targetDepth = 0;
  let expect = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) continue;
    if (expect && c !== 93) target!.push(line);
    expect = false;
    if (c === 34) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      // At the top object's level a string is a key or a value; only a key is followed by `[`, so the last one wins.
      if (stack.length === 1 && stack[0] === 123) key = text.slice(i + 1, j);
      i = j;
    } else if (c === 123 || c === 91) {
      stack.push(c);
      const top = stack.length === 1 || (stack.length === 2 && stack[0] === 123);
      if (c === 91 && top && !target) {
        target = [];
        out.set(stack.length === 1 ? '' : key, target);
        targetDepth = stack.length;
        expect = true;
      }
    } else if (c === 125 || c === 93) {
      if (target && stack.length === targetDepth) target = undefined;
      stack.pop();
    } else if (c === 44 && target && stack.length === targetDepth) expect = true;
  }
  return out;
}
