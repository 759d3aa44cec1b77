// Note and role on one divergence card. Clicks and keys stay here so the card does not change selection.
import { AuthorBar } from './AuthorBar';
import { NoteBox } from './NoteBox';
import { RoleSelect } from './RoleSelect';

export function DivergenceAnnotations({ id }: { id: string }) {
  return (
    <div className="annotations" data-testid="divergence-annotations" onClick={(e) => e.stopPropagation()}>
      <AuthorBar />
      <NoteBox type="divergence" id={id} label="Note on this divergence" />
      <RoleSelect type="divergence" id={id} />
    </div>
  );
}
