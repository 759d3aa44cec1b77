// The event table, virtualized by hand: fixed row height, only the visible rows exist in the DOM,
// so a million events scroll like a hundred.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useAppState } from '../../hooks/useAppState';
import { useServices } from '../../state/context';
import { pageEvents, rowIndexOf } from '../../queries/events';
import { clock } from '../format';
import { PAGE_SIZE, useEventPages } from './useEventPages';
import { scrollToReveal, visibleRange, type RowRange } from './virtualRange';

export const ROW_HEIGHT = 24;

/**
 * `count` is the filter's exact count, or undefined while it is being counted; the first rows show before it,
 * sized from the first page (a short first page is the whole answer) or, failing that, the previous count.
 */
export function EventTable({ count, previous }: { count: number | undefined; previous: number }) {
  const { store, engine } = useServices();
  const filter = useAppState((s) => s.filter);
  const version = useAppState((s) => s.dataVersion);
  const selected = useAppState((s) => s.selectedEventId);
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);
  const wanted = useRef<RowRange>({ first: 0, last: 0 });
  const { rowAt, firstPageRows } = useEventPages(filter, version, wanted);
  const total = count ?? estimateTotal(firstPageRows, previous);
  const range = visibleRange(scrollTop, viewport, ROW_HEIGHT, total);
  wanted.current = range;

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setViewport(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Selection made elsewhere (graph, divergence): scroll the table to it.
  useEffect(() => {
    if (selected === null) return;
    let live = true;
    rowIndexOf(engine, filter, selected, version).then((row) => {
      const el = box.current;
      if (!live || row === null || !el) return;
      const top = scrollToReveal(row, el.scrollTop, el.clientHeight, ROW_HEIGHT, ROW_HEIGHT);
      if (top !== null) el.scrollTop = top;
    });
    return () => {
      live = false;
    };
  }, [selected, filter, version, engine]);

  const rows = [];
  for (let i = range.first; i < range.last; i++) {
    const r = rowAt(i);
    const style = { top: i * ROW_HEIGHT, height: ROW_HEIGHT };
    if (!r) {
      rows.push(<div key={`p${i}`} className="event-row muted" style={style} aria-hidden="true">…</div>);
      continue;
    }
    rows.push(
      <div
        key={r.id}
        role="row"
        aria-selected={r.id === selected}
        aria-rowindex={i + 2}
        data-testid="timeline-row"
        data-event-id={r.id}
        className={`event-row sev-${r.severity} actor-${r.actorType}${r.id === selected ? ' selected' : ''}`}
        style={style}
        onClick={() => store.set({ selectedEventId: r.id, selectedDivergenceId: null })}
      >
        <span role="cell" className="mono">{clock(r.ts)}</span>
        <span role="cell" className="actor" title={r.actor}>{r.actor || r.service}</span>
        <span role="cell">{r.kind}</span>
        <span role="cell">{r.severity}</span>
        <span role="cell" className="mono" title={r.resource}>{r.resource || r.action}</span>
        <span role="cell" title={r.message}>{r.message}</span>
      </div>,
    );
  }

  return (
    <div
      ref={box}
      className="event-table"
      role="grid"
      aria-label="Events in time order"
      aria-rowcount={total + 1}
      tabIndex={0}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
        e.preventDefault();
        void moveSelection(e.key as 'ArrowDown' | 'ArrowUp');
      }}
    >
      <div className="event-head" role="row">
        <span role="columnheader">time (UTC)</span>
        <span role="columnheader">actor</span>
        <span role="columnheader">kind</span>
        <span role="columnheader">severity</span>
        <span role="columnheader">resource</span>
        <span role="columnheader">message</span>
      </div>
      <div className="spacer-rows" style={{ height: total * ROW_HEIGHT }}>{rows}</div>
    </div>
  );

  async function moveSelection(key: 'ArrowDown' | 'ArrowUp') {
    const cur = selected === null ? -1 : await rowIndexOf(engine, filter, selected, version);
    const next = Math.min(total - 1, Math.max(0, (cur ?? -1) + (key === 'ArrowDown' ? 1 : -1)));
    const [row] = await pageEvents(engine, filter, next, 1, version);
    if (row) store.set({ selectedEventId: row.id, selectedDivergenceId: null });
  }
}

function estimateTotal(firstPageRows: number | undefined, previous: number): number {
  if (firstPageRows === undefined) return previous;
  return firstPageRows < PAGE_SIZE ? firstPageRows : Math.max(previous, PAGE_SIZE);
}
