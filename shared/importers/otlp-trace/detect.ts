// OTLP/JSON trace documents: `{"resourceSpans": [...]}`, pretty-printed or one per line.

export function detectOtlpTrace(head: string): number {
  const start = head.trimStart().slice(0, 1);
  if (start !== '{') return 0;
  if (/"resourceSpans"\s*:/.test(head)) return /"(scopeSpans|instrumentationLibrarySpans)"\s*:/.test(head) || head.length < 200 ? 0.95 : 0.8;
  return 0;
}
