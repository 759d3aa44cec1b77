// The Inspector's annotation section for the selected event: author, note, role, causal links.
import { AuthorBar } from './AuthorBar';
import { LinkVerdicts } from './LinkVerdicts';
import { NoteBox } from './NoteBox';
import { RoleSelect } from './RoleSelect';

export function EventAnnotations({ eventId }: { eventId: number }) {
  return (
    <section className="annotations" data-testid="event-annotations">
      <AuthorBar />
      <NoteBox key={eventId} type="event" id={String(eventId)} label="Note on this event" />
      <RoleSelect type="event" id={String(eventId)} />
      <LinkVerdicts eventId={eventId} />
    </section>
  );
}
