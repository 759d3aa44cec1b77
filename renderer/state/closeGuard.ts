// The window's answer to "may I close?": write what autosave has waiting, then say whether anything would
// be lost, and run Save as… when the person chooses to save first. Electron's main process asks before it
// lets the window go; a browser can only warn (see the hosts' onBeforeClose).
import type { CloseAnswer, CloseGuard } from '../../shared/ipc/host';
import { saveInvestigationAs } from '../actions/saveInvestigation';
import { flushPending, unsavedReason } from './autosaveService';
import type { AppServices } from './context';

function answer(): CloseAnswer {
  const reason = unsavedReason();
  return reason === null ? { kind: 'saved' } : { kind: 'unsaved', reason };
}

export function createCloseGuard(services: AppServices): CloseGuard {
  return {
    hasUnsavedWork: () => unsavedReason() !== null,
    async prepare() {
      await flushPending();
      return answer();
    },
    async save() {
      // Save as…: either there is no file yet, or writing the one there is failed.
      await saveInvestigationAs.run(services);
      return answer();
    },
  };
}

/** Registers the guard with the host for as long as the window lives; returns a function that stops. */
export function startCloseGuard(services: AppServices): () => void {
  return services.host.app.onBeforeClose(createCloseGuard(services));
}
