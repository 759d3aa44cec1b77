// Drag across the swimlanes to narrow the table to a time range; double-click or Clear removes it.
import { useRef, useState } from 'react';
import { useAppState } from '../../hooks/useAppState';
import { useServices } from '../../state/context';
import { clock } from '../format';
import { brushRange, fractionOf } from './brush';

export function BrushOverlay({ t0, t1 }: { t0: bigint; t1: bigint }) {
  const { store } = useServices();
  const from = useAppState((s) => s.filter.from);
  const to = useAppState((s) => s.filter.to);
  const box = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const frac = (clientX: number) => {
    const r = box.current!.getBoundingClientRect();
    return (clientX - r.left) / r.width;
  };
  const setRange = (range: { from: bigint; to: bigint } | null) =>
    store.set((s) => ({ filter: { ...s.filter, from: range?.from ?? null, to: range?.to ?? null } }));

  const shown = drag ? { lo: Math.min(drag.a, drag.b), hi: Math.max(drag.a, drag.b) } : from !== null && to !== null ? { lo: fractionOf(t0, t1, from), hi: fractionOf(t0, t1, to) } : null;
  return (
    <div
      ref={box}
      className="brush"
      data-testid="brush"
      title={from !== null && to !== null ? `Time range ${clock(from)} to ${clock(to)} UTC` : 'Drag to select a time range'}
      onPointerDown={(e) => {
        box.current!.setPointerCapture(e.pointerId);
        const f = frac(e.clientX);
        setDrag({ a: f, b: f });
      }}
      onPointerMove={(e) => drag && setDrag({ ...drag, b: frac(e.clientX) })}
      onPointerUp={(e) => {
        if (!drag) return;
        const range = brushRange(t0, t1, drag.a, frac(e.clientX));
        setDrag(null);
        if (range) setRange(range);
      }}
      onDoubleClick={() => setRange(null)}
    >
      {shown && <div className="brush-range" style={{ left: `${shown.lo * 100}%`, width: `${Math.max(0.2, (shown.hi - shown.lo) * 100)}%` }} />}
    </div>
  );
}
