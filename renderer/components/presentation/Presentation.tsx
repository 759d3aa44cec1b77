// Presentation mode: full window (full screen where the browser allows), one slide at a time beside the
// graph zoomed to the step and the timeline around it; the selection follows, so leaving lands on the last step.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { presentStore } from '../../actions/present';
import { useQuery } from '../../hooks/useQuery';
import { useServices } from '../../state/context';
import { presentCommand, step } from './keys';
import { SlideView } from './SlideView';
import { StageGraph } from './StageGraph';
import { TimelineStrip } from './TimelineStrip';

const close = () => presentStore.set({ open: false });

export function PresentationHost() {
  const open = useSyncExternalStore(presentStore.subscribe, () => presentStore.get().open);
  return open ? <Presentation /> : null;
}

function Presentation() {
  const { store } = useServices();
  const root = useRef<HTMLDivElement>(null);
  const { data, error } = useQuery((e) => e.presentation('none'), []);
  const slides = data?.slides ?? [];
  const { data: whole } = useQuery(async (e) => {
    const [r] = await e.query<{ from: bigint | null; to: bigint | null }>('present.range', 'SELECT min(ts) AS "from", max(ts) AS "to" FROM events');
    return r?.from != null && r.to != null ? { from: BigInt(r.from), to: BigInt(r.to) } : null;
  }, []);
  const [index, setIndex] = useState(0);
  const [notes, setNotes] = useState(false);

  useFullscreen(root);
  useEffect(() => {
    // Capture phase, so the app's own single-key shortcuts do not also fire under the slides.
    const onKey = (e: KeyboardEvent) => {
      const cmd = presentCommand(e.key);
      if (!cmd || e.ctrlKey || e.metaKey || e.altKey) return;
      e.preventDefault();
      e.stopPropagation();
      if (cmd === 'close') close();
      else if (cmd === 'notes') setNotes((n) => !n);
      else setIndex((i) => step(i, slides.length, cmd));
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [slides.length]);

  const slide = slides[Math.max(0, Math.min(index, slides.length - 1))];
  useEffect(() => {
    const ids = slide?.focus?.eventIds ?? [];
    if (ids.length) store.set({ selectedEventId: ids[ids.length - 1], selectedDivergenceId: null });
  }, [slide, store]);

  return (
    <div className="presentation" data-testid="presentation" ref={root} role="dialog" aria-modal="true" aria-label="Presentation" tabIndex={-1}>
      {error && <p role="alert">Could not build the presentation: {error.message}</p>}
      {!data && !error && <p>Preparing slides…</p>}
      <div className="presentation-main">
        {slide ? <SlideView slide={slide} showNotes={notes} /> : <div />}
        <div className="stage" aria-label="Graph and timeline for this slide">
          <StageGraph slide={slide} />
          <TimelineStrip slide={slide} whole={whole ?? null} />
        </div>
      </div>
      <footer className="presentation-bar">
        <button type="button" className="btn" data-testid="slide-prev" onClick={() => setIndex((i) => step(i, slides.length, 'prev'))}>←</button>
        <span data-testid="slide-counter">{slides.length ? `${index + 1} / ${slides.length}` : ''}</span>
        <button type="button" className="btn" data-testid="slide-next" onClick={() => setIndex((i) => step(i, slides.length, 'next'))}>→</button>
        <button type="button" className="btn" data-testid="notes-toggle" aria-pressed={notes} onClick={() => setNotes((n) => !n)}>Notes (N)</button>
        {data?.proposedOnly && <span className="muted">No link confirmed yet: showing the proposed chain.</span>}
        <span className="spacer" />
        <button type="button" className="btn" data-testid="present-close" onClick={close}>Leave (Esc)</button>
      </footer>
    </div>
  );
}

/** Full screen where allowed; leaving full screen (the browser's own Escape) leaves the presentation. */
function useFullscreen(root: React.RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const el = root.current;
    el?.focus();
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement) entered = true;
      else if (entered) close();
    };
    document.addEventListener('fullscreenchange', onChange);
    el?.requestFullscreen?.().catch(() => undefined);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [root]);
}
