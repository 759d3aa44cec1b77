// Changes a source's clock offset after import: its events move by the difference, so the timeline,
// the analysis and every export see corrected times, and the offset is saved with the investigation.
import type { Db } from '../db/db';
import { withDbLock } from './dbLock';

/** Beyond ±100 years an offset is a typo, and would overflow nanosecond BIGINTs near the epoch's ends. */
export const MAX_OFFSET_NS = 100n * 366n * 86_400n * 1_000_000_000n;

export interface OffsetChange {
  sourceId: number;
  previousNs: bigint;
  offsetNs: bigint;
  /** How far the events moved (offset − previous). */
  shiftedNs: bigint;
}

/** Sets the offset of one source to `offsetNs` (absolute, not relative), shifting its events by the change. */
export function setClockOffset(db: Db, sourceId: number, offsetNs: bigint): Promise<OffsetChange> {
  return withDbLock(db, async () => {
    const id = Math.trunc(Number(sourceId));
    if (!Number.isSafeInteger(id)) throw new Error(`"${sourceId}" is not a source id.`);
    if (offsetNs > MAX_OFFSET_NS || offsetNs < -MAX_OFFSET_NS) {
      throw new Error('A clock offset of more than 100 years is not a clock skew; check the value and try again.');
    }
    const rows = await db.query<{ off: bigint | number | null; path: string }>(
      'clockOffset.current', 'SELECT clock_offset_ns AS off, path FROM sources WHERE id = ?', [id],
    );
    if (!rows.length) throw new Error(`There is no imported source ${id}; it may have been removed. Reload the sources and try again.`);
    const previousNs = BigInt(rows[0].off ?? 0);
    const shiftedNs = offsetNs - previousNs;
    if (shiftedNs !== 0n) {
      // Literals, not params: duckdb-wasm sends params as JSON, which has no BIGINT (see db/params.ts).
      // One batch in one transaction, so the events and the source's range never disagree.
      const d = shiftedNs.toString();
      try {
        await db.exec('clockOffset.shift', `
          BEGIN TRANSACTION;
          UPDATE events SET ts = ts + (${d}), end_ts = end_ts + (${d}) WHERE source_id = ${id};
          UPDATE sources SET clock_offset_ns = ${offsetNs.toString()}, min_ts = min_ts + (${d}), max_ts = max_ts + (${d}) WHERE id = ${id};
          COMMIT;`);
      } catch (e) {
        await db.exec('clockOffset.rollback', 'ROLLBACK').catch(() => undefined);
        throw new Error(`The clock offset could not be applied, and nothing was changed: ${(e as Error)?.message ?? e}`);
      }
    }
    return { sourceId: id, previousNs, offsetNs, shiftedNs };
  });
}

/**
 * The offset that moves a source's first event to `startNs`: for transcripts that carry no times, the
 * start time a person gives is an offset from where the import placed them.
 */
export function offsetForStart(source: { minTs: bigint | null; clockOffsetNs: bigint }, startNs: bigint): bigint {
  if (source.minTs === null) throw new Error('This source has no events to place.');
  return source.clockOffsetNs + (startNs - source.minTs);
}
