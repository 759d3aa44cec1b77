// On a fresh start: unsaved work from an earlier window (a recovery copy autosave kept) can be restored.
import { useEffect, useState } from 'react';
import { loadInvestigation } from '../actions/openInvestigation';
import { useAppState } from '../hooks/useAppState';
import { adoptSession, currentSession } from '../state/autosaveService';
import { useServices } from '../state/context';
import { deleteCopy, listCopies, type RecoveryCopy } from '../state/recovery';

export function RestoreOffer() {
  const services = useServices();
  const empty = useAppState((s) => s.dataVersion === 0 && s.phase === 'empty');
  const [copy, setCopy] = useState<RecoveryCopy | null>(null);
  useEffect(() => {
    if (!empty) return;
    let live = true;
    listCopies().then(
      (all) => live && setCopy(all.find((c) => c.session !== currentSession()) ?? null),
      () => undefined, // no storage, nothing to offer
    );
    return () => {
      live = false;
    };
  }, [empty]);
  if (!copy || !empty) return null;
  const restore = async () => {
    // Later autosaves replace this copy instead of leaving it behind as a second one.
    if (await loadInvestigation(services, 'the recovery copy', copy.bytes, null)) adoptSession(copy.session);
    setCopy(null);
  };
  const discard = async () => {
    // Every copy left by earlier windows, not only the one shown: a window that restored a copy can
    // leave a second one behind if it saved before adopting the first, and Discard must not re-offer it.
    const stale = await listCopies().catch(() => [copy]);
    await Promise.all(stale.filter((c) => c.session !== currentSession()).map((c) => deleteCopy(c.session).catch(() => undefined)));
    setCopy(null);
  };
  return (
    <div className="notice restore-offer" role="region" aria-label="Unsaved work" data-testid="restore-offer">
      Unsaved work from {new Date(copy.savedAt).toLocaleString()} ({copy.summary}) was kept when the window closed.{' '}
      <button type="button" className="btn primary" data-testid="restore-recovery" onClick={() => void restore()}>Restore unsaved work</button>{' '}
      <button type="button" className="btn" data-testid="discard-recovery" onClick={() => void discard()}>Discard</button>
    </div>
  );
}
