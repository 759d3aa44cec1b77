// A draggable, keyboard-operable boundary between two panels (WAI-ARIA window splitter): a focusable
// separator whose value is the size of the panel before it, in percent; arrows, Page keys, Home and End.
import { useRef } from 'react';
import { useServices } from '../state/context';
import { useAppState } from '../hooks/useAppState';
import { LIMITS, clampSize, sizeAfterKey, type LayoutKey } from '../state/layout';

interface Props {
  /** Which size this separator moves. */
  size: LayoutKey;
  /** 'vertical': a bar between columns, moved left/right; 'horizontal': between stacked panels. */
  orientation: 'vertical' | 'horizontal';
  /** Which side of the bar the sized panel is on: 'start' (left/top) or 'end' (right/bottom). */
  side: 'start' | 'end';
  label: string;
  controls: string;
}

export function Splitter({ size, orientation, side, label, controls }: Props) {
  const { store } = useServices();
  const value = useAppState((s) => s.layout[size]);
  const bar = useRef<HTMLDivElement>(null);
  const set = (v: number) => store.set((s) => ({ layout: { ...s.layout, [size]: clampSize(size, v) } }));
  const vertical = orientation === 'vertical';
  // Keys that grow the sized panel: the arrow pointing away from it.
  const [grow, shrink] = vertical ? (side === 'start' ? ['ArrowRight', 'ArrowLeft'] : ['ArrowLeft', 'ArrowRight']) : side === 'start' ? ['ArrowDown', 'ArrowUp'] : ['ArrowUp', 'ArrowDown'];

  /** Percent of the container (the bar's parent) from the sized panel's edge to the pointer. */
  const fromPointer = (e: React.PointerEvent) => {
    const r = bar.current!.parentElement!.getBoundingClientRect();
    const [pos, start, extent] = vertical ? [e.clientX, r.left, r.width] : [e.clientY, r.top, r.height];
    const f = ((pos - start) / Math.max(1, extent)) * 100;
    return side === 'start' ? f : 100 - f;
  };

  return (
    <div
      ref={bar}
      role="separator"
      tabIndex={0}
      aria-orientation={orientation}
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={Math.round(value)}
      aria-valuemin={LIMITS[size].min}
      aria-valuemax={LIMITS[size].max}
      data-testid={`splitter-${size}`}
      className={`splitter ${orientation}`}
      onKeyDown={(e) => {
        const next = sizeAfterKey(size, value, e.key, grow, shrink);
        if (next === null) return;
        e.preventDefault();
        set(next);
      }}
      onPointerDown={(e) => {
        bar.current!.setPointerCapture(e.pointerId);
        bar.current!.focus();
      }}
      onPointerMove={(e) => bar.current!.hasPointerCapture(e.pointerId) && set(fromPointer(e))}
      onPointerUp={(e) => bar.current!.releasePointerCapture(e.pointerId)}
    />
  );
}
