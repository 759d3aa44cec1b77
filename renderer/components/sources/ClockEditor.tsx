// Edits one source's clock: an offset as people type it ("+2.5 s", "-300ms", "PT1M"), or, for transcripts
// without times, the time its first event should be placed at (an offset from where it is now).
import { useState, type FormEvent } from 'react';
import { formatDuration, parseDuration } from '../../../shared/model/duration';
import { parseIsoNanos, toIso } from '../../../shared/model/time';
import { offsetForStart } from '../../../shared/importers/clockOffset';
import type { SourceRow } from '../../queries/sources';
import type { Placement } from '../../../shared/analysis/placement';

export interface ClockEditorProps {
  source: SourceRow;
  placement: Placement;
  /** Applies an absolute offset; resolves to an error in words, or null when applied. */
  apply: (offsetNs: bigint) => Promise<string | null>;
  close: () => void;
}

export function ClockEditor({ source, placement, apply, close }: ClockEditorProps) {
  const [offset, setOffset] = useState(source.clockOffsetNs === 0n ? '' : formatDuration(source.clockOffsetNs));
  const [start, setStart] = useState(source.minTs === null ? '' : toIso(source.minTs));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const untimed = placement.basis === 'no_times' || placement.basis === 'start_given' || placement.basis === 'audit_record' || placement.basis === 'span';

  const run = async (ns: bigint) => {
    setBusy(true);
    const failed = await apply(ns);
    setBusy(false);
    if (failed) setError(`The clock offset was not changed: ${failed}`);
    else close();
  };
  const submitOffset = (e: FormEvent) => {
    e.preventDefault();
    const d = parseDuration(offset.trim() === '' ? '0' : offset);
    if (!d.ok) return setError(d.error);
    void run(d.ns);
  };
  const submitStart = (e: FormEvent) => {
    e.preventDefault();
    const at = parseIsoNanos(start);
    if (at === undefined) return setError(`"${start}" is not a time. Write it like 2026-11-27T10:00:00Z (UTC unless a zone is given).`);
    void run(offsetForStart(source, at));
  };

  return (
    <div className="clock-editor" data-testid="clock-editor">
      <form onSubmit={submitOffset}>
        <label>
          Clock offset{' '}
          <input value={offset} onChange={(e) => { setOffset(e.target.value); setError(null); }} placeholder="+2.5 s, -300ms, PT1M" aria-label={`Clock offset of ${source.path}`} autoFocus size={14} />
        </label>{' '}
        <button type="submit" className="btn small primary" disabled={busy}>Apply offset</button>{' '}
        <button type="button" className="btn small" onClick={close}>Cancel</button>
      </form>
      {untimed && source.minTs !== null && (
        <form onSubmit={submitStart}>
          <label>
            First event at{' '}
            <input value={start} onChange={(e) => { setStart(e.target.value); setError(null); }} aria-label={`Start time of ${source.path}`} size={26} />
          </label>{' '}
          <button type="submit" className="btn small" disabled={busy}>Set start time</button>
        </form>
      )}
      <p className="muted">Added to every time of this file, everywhere (timeline, analysis, exports). A bare number is milliseconds.</p>
      {error && <p role="alert" className="clock-error">{error}</p>}
    </div>
  );
}
