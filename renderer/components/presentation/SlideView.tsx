// One slide in large type. Every value is text from the analysis or an annotation, rendered escaped.
import type { Slide } from '../../../shared/export/presentation';

export function SlideView({ slide, showNotes }: { slide: Slide; showNotes: boolean }) {
  return (
    <section className={`slide slide-${slide.kind}`} data-testid="slide" data-kind={slide.kind}>
      <h2 data-testid="slide-title">{slide.title}</h2>
      <ul className="slide-body">
        {slide.body.map((line, i) => <li key={i}>{line}</li>)}
      </ul>
      {slide.evidence.length > 0 && <p className="slide-evidence mono">Evidence: {slide.evidence.join(' · ')}</p>}
      {showNotes && (
        <aside className="speaker-notes" data-testid="speaker-notes" aria-label="Speaker notes">
          {slide.notes.length ? slide.notes.map((n, i) => <p key={i}>{n}</p>) : <p className="muted">No notes for this slide.</p>}
        </aside>
      )}
    </section>
  );
}
