// UTF-8 helpers shared by the import pipeline and the Arrow builders.

/** A streaming decoder that strips a leading BOM and replaces invalid bytes with U+FFFD instead of throwing. */
export const streamingDecoder = () => new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Whether the bytes start with the gzip magic number. */
export const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/** Truncates text to at most `max` UTF-16 units, marking the cut, without splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return text.slice(0, end) + '…';
}
