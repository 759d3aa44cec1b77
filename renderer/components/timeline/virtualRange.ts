// Which rows a fixed-row-height list must render for a scroll position (pure, unit-tested).
export interface RowRange {
  first: number;
  /** Exclusive. */
  last: number;
}

export function visibleRange(scrollTop: number, viewport: number, rowHeight: number, total: number, overscan = 8): RowRange {
  const first = Math.min(total, Math.max(0, Math.floor(scrollTop / rowHeight) - overscan));
  const last = Math.min(total, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}

/** Page numbers covering a range, for fetching rows a page at a time. */
export function pagesFor(range: RowRange, pageSize: number): number[] {
  if (range.last <= range.first) return [];
  const out: number[] = [];
  for (let p = Math.floor(range.first / pageSize); p <= Math.floor((range.last - 1) / pageSize); p++) out.push(p);
  return out;
}

/** scrollTop that brings `row` into view, or null when it already is. */
export function scrollToReveal(row: number, scrollTop: number, viewport: number, rowHeight: number, headerHeight = 0): number | null {
  const top = row * rowHeight;
  const usable = viewport - headerHeight;
  if (top >= scrollTop && top + rowHeight <= scrollTop + usable) return null;
  return Math.max(0, top - Math.floor(usable / 3));
}
