// A Markdown note on one target. Written on blur and on Enter (Shift+Enter for a new line), so nothing
// typed is lost to a missed button; shown as plain text (React escapes it, nothing sets innerHTML).
import { useEffect, useState } from 'react';
import type { TargetType } from '../../../shared/annotations';
import { HistoryList } from './HistoryList';
import { TagEditor } from './TagEditor';
import { historyOf, noteWrite } from './logic';
import { useAnnotations, useNoteWriter } from './useAnnotations';

export function NoteBox({ type, id, label }: { type: TargetType; id: string; label: string }) {
  const { current, history } = useAnnotations();
  const note = current.find((a) => a.kind === 'note' && a.targetType === type && a.targetId === id);
  const write = useNoteWriter(note, `${type}:${id}`);
  const [text, setText] = useState(note?.bodyMd ?? '');
  const [dirty, setDirty] = useState(false);
  // A note read from the engine (first load, reopen) fills the box unless the person is mid-edit.
  useEffect(() => {
    if (!dirty) setText(note?.bodyMd ?? '');
  }, [note?.bodyMd, note?.version, dirty]);
  // Only what the person typed is written: a box that remounted before the annotations were re-read holds
  // stale text, and its blur must not save that as a new version.
  const commit = async () => {
    if (!dirty) return;
    if (await write((latest) => noteWrite(latest, text, { type, id }))) setDirty(false);
  };
  return (
    <div className="note-box" data-testid="note-box" data-target={`${type}:${id}`}>
      <label>
        {label}
        <textarea
          data-testid="note-input"
          value={text}
          rows={2}
          placeholder="Markdown note; Enter saves, Shift+Enter for a new line"
          onChange={(e) => { setText(e.target.value); setDirty(true); }}
          onBlur={() => void commit()}
          onKeyDown={(e) => {
            // A save chord (Ctrl+S) reaches the engine after this write, so the note is in the file.
            if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') void commit();
            else if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              void commit();
            }
          }}
        />
      </label>
      <TagEditor tags={note?.tags ?? []} target={{ type, id }} draft={text} write={write} />
      {note && (
        <p className="annotation-text" data-testid="note-text">
          {note.bodyMd} <span className="muted">— {note.author}, v{note.version}</span>
        </p>
      )}
      {note && <HistoryList versions={historyOf(history, note.id)} />}
    </div>
  );
}
