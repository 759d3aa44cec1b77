// Tags on a note: short labels shown as chips; Enter or comma adds, × removes. Each change is a new version.
import { useState } from 'react';
import type { AnnotationVersion, TargetType } from '../../../shared/annotations';
import type { AnnotateOp } from '../../engine/protocol';
import { tagWrite } from './logic';

type NoteWrite = (makeOp: (latest: AnnotationVersion | undefined) => AnnotateOp | null) => Promise<boolean>;

export function TagEditor({ tags, target, draft, write }: { tags: readonly string[]; target: { type: TargetType; id: string }; draft: string; write: NoteWrite }) {
  const [text, setText] = useState('');
  const add = async () => {
    const added = text.split(',').map((t) => t.trim()).filter(Boolean);
    if (!added.length) return;
    // Cleared before the write, so the blur that follows an Enter finds nothing left to add.
    setText('');
    const ok = await write((latest) => tagWrite(latest, [...(latest?.tags ?? []), ...added], target, draft));
    if (!ok) setText((now) => now || text);
  };
  const remove = (tag: string) => write((latest) => tagWrite(latest, (latest?.tags ?? []).filter((x) => x !== tag), target, draft));
  return (
    <div className="tag-editor" data-testid="tag-editor">
      <ul className="tags" aria-label="Tags">
        {tags.map((t) => (
          <li key={t} className="tag" data-testid="tag">
            {t}{' '}
            <button type="button" className="btn link" aria-label={`Remove tag ${t}`} data-testid="tag-remove" onClick={() => void remove(t)}>×</button>
          </li>
        ))}
      </ul>
      <input
        data-testid="tag-input"
        aria-label="Add a tag"
        placeholder="add tag"
        size={12}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            void add();
          }
        }}
        onBlur={() => void add()}
      />
    </div>
  );
}
