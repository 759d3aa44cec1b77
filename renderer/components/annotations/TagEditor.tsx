// Tags on a note: short labels shown as chips; Enter or comma adds, × removes. Each change is a new version.
import { useState } from 'react';
import type { AnnotationVersion, TargetType } from '../../../shared/annotations';
import { useServices } from '../../state/context';
import { tagWrite } from './logic';
import { writeAnnotation } from './useAnnotations';

export function TagEditor({ note, target, draft }: { note: AnnotationVersion | undefined; target: { type: TargetType; id: string }; draft: string }) {
  const services = useServices();
  const [text, setText] = useState('');
  const tags = note?.tags ?? [];
  const write = async (next: string[]) => {
    const op = tagWrite(note, next, target, draft);
    if (op) await writeAnnotation(services, op);
  };
  const add = async () => {
    const added = text.split(',').map((t) => t.trim()).filter(Boolean);
    if (!added.length) return;
    await write([...tags, ...added]);
    setText('');
  };
  return (
    <div className="tag-editor" data-testid="tag-editor">
      <ul className="tags" aria-label="Tags">
        {tags.map((t) => (
          <li key={t} className="tag" data-testid="tag">
            {t}{' '}
            <button type="button" className="btn link" aria-label={`Remove tag ${t}`} data-testid="tag-remove" onClick={() => void write(tags.filter((x) => x !== t))}>×</button>
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
