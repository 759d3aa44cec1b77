// Note and role on one divergence card; working in them also selects the card, which is what was meant.
import { AuthorBar } from './AuthorBar';
import { NoteBox } from './NoteBox';
import { RoleSelect } from './RoleSelect';

export function DivergenceAnnotations({ id }: { id: string }) {
  return (
    <div className="annotations" data-testid="divergence-annotations">
      <AuthorBar />
      <NoteBox type="divergence" id={id} label="Note on this divergence" />
      <RoleSelect type="divergence" id={id} />
    </div>
  );
}
