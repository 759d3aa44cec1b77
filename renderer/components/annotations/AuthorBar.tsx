// Who is annotating: asked once (empty until set), editable afterwards.
import { useState } from 'react';
import { setAuthor, useAuthor } from '../../hooks/useAuthor';

export function AuthorBar() {
  const author = useAuthor();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(author);
  if (author && !editing) {
    return (
      <p className="author-bar muted" data-testid="author-bar">
        Annotating as <strong data-testid="author-name">{author}</strong>{' '}
        <button type="button" className="btn link" onClick={() => { setDraft(author); setEditing(true); }}>change</button>
      </p>
    );
  }
  const commit = () => {
    if (!draft.trim()) return;
    setAuthor(draft);
    setEditing(false);
  };
  return (
    <form className="author-bar" onSubmit={(e) => { e.preventDefault(); commit(); }}>
      <label>
        Your name for annotations{' '}
        <input data-testid="author-input" value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={commit} placeholder="e.g. bob@example.com" />
      </label>
    </form>
  );
}
