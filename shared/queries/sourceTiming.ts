// Where each source's times came from, as the importers recorded it on the events: transcripts without
// times carry an `anchoring` attribute, RFC 3164 syslog lines a `yearAssumed` one. Only the formats that
// write them are scanned, so a million timed log lines cost nothing here.
import type { Db } from '../db/db';

/** Importer ids whose events may carry placement attributes (see transcript/chatArray, responsesApi, sweAgent, syslog). */
export const PLACED_FORMATS = ['swe-agent', 'chat-messages', 'openai-responses', 'syslog'] as const;

export interface SourcePlacementRow {
  sourceId: number;
  /** Events placed from a start time the user gave at import. */
  anchoredToStart: number;
  /** Events placed from the epoch because no start time was given. */
  anchoredToEpoch: number;
  /** Lowest year assumed for lines without one, or null. */
  yearAssumed: number | null;
}

export async function getSourcePlacements(db: Pick<Db, 'query'>): Promise<SourcePlacementRow[]> {
  const formats = PLACED_FORMATS.map((f) => `'${f}'`).join(', ');
  const rows = await db.query('sources.placement', `
    SELECT source_id,
      count(*) FILTER (WHERE attributes LIKE '%"anchoring":"%the given start time%') AS start_given,
      count(*) FILTER (WHERE attributes LIKE '%"anchoring":"%(no anchor given)%') AS epoch,
      min(TRY_CAST(regexp_extract(attributes, '"yearAssumed":(\\d+)', 1) AS INTEGER)) AS year
    FROM events WHERE source_id IN (SELECT id FROM sources WHERE format IN (${formats}))
    GROUP BY source_id ORDER BY source_id`);
  return rows.map((r) => ({
    sourceId: Number(r.source_id), anchoredToStart: Number(r.start_given ?? 0), anchoredToEpoch: Number(r.epoch ?? 0),
    yearAssumed: r.year === null || r.year === undefined ? null : Number(r.year),
  }));
}
