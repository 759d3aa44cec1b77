// Where the work stands: "Unsaved changes", "Saving…", "Saved · 12:03:04", or what went wrong and what to do.
import { useSyncExternalStore } from 'react';
import { saveStatusStore, type SaveStatus as Status } from '../state/autosaveService';

const clockOf = (ms: number) => new Date(ms).toTimeString().slice(0, 8);

export function saveStatusText({ state, target, manual }: Status): { text: string; title: string; alert: boolean } {
  const file = target.kind === 'file';
  const where = file ? target.path : 'a recovery copy in this browser';
  switch (state.kind) {
    case 'clean':
      return { text: '', title: '', alert: false };
    case 'dirty':
      return { text: 'Unsaved changes', title: file ? `Autosaves to ${target.path} within 2 s` : 'Kept as a recovery copy within 2 s; Save (Ctrl+S) writes a file', alert: false };
    case 'saving':
      return { text: 'Saving…', title: `Writing ${where}`, alert: false };
    case 'saved':
      if (manual && !file) return { text: `Saved · ${clockOf(state.at)}`, title: 'Downloaded as a .driftline file', alert: false };
      return file
        ? { text: `Saved · ${clockOf(state.at)}`, title: `Saved to ${target.path}`, alert: false }
        : { text: `Recovery copy · ${clockOf(state.at)}`, title: 'Kept in this browser and offered if the window closes; Save (Ctrl+S) writes a file', alert: false };
    case 'error':
      return file
        ? { text: `Autosave to ${target.path} failed at ${clockOf(state.at)}: ${state.message}. Your work is still open here; save it elsewhere with Save as… (Ctrl+Shift+S).`, title: '', alert: true }
        : { text: `Could not keep a recovery copy in this browser: ${state.message}. Save the investigation to a file (Ctrl+S) so nothing is lost.`, title: '', alert: true };
  }
}

export function SaveStatus() {
  const status = useSyncExternalStore(saveStatusStore.subscribe, saveStatusStore.get);
  const { text, title, alert } = saveStatusText(status);
  return (
    <span className={alert ? 'save-status error' : 'save-status muted'} data-testid="save-status" data-state={status.state.kind} data-target={status.target.kind} title={title || undefined} role={alert ? 'alert' : 'status'}>
      {text}
    </span>
  );
}
