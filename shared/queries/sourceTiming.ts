// Where each source's times came from: transcripts without times carry an `anchoring` attribute on their
// events (from a start time given at import, or from the epoch), RFC 3164 syslog lines a `yearAssumed` one,
// and the sources table an `anchoring` record when an untimed transcript was placed from other evidence
// after import (analysis/anchoring). Only the formats that write attributes are scanned, so a million
// timed log lines cost nothing here.
import type { Db } from '../db/db';

/** Importer ids whose events may carry placement attributes (see transcript/chatArray, responsesApi, sweAgent, codexRollout, syslog). */
export const PLACED_FORMATS = ['swe-agent', 'chat-messages', 'openai-responses', 'codex-rollout', 'syslog'] as const;

/** How an untimed source was placed after import, as stored in `sources.anchoring` (JSON). */
export interface SourceAnchorRecord {
  /** 'none': other evidence was searched and nothing placed it (the note says why). */
  basis: 'audit_record' | 'span' | 'none';
  /** The clock offset this anchoring set, in ns as text: the anchoring stands only while the source keeps it. */
  offsetNs: string;
  /** In words, with the evidence: "anchored to the audit record of `kubectl scale …` at 10:04:02 (audit.jsonl:3)". */
  note: string;
  /** 0..1; absent for 'none'. */
  confidence?: number;
}

export interface SourcePlacementRow {
  sourceId: number;
  /** Events placed from a start time the user gave at import. */
  anchoredToStart: number;
  /** Events placed from the epoch because no start time was given. */
  anchoredToEpoch: number;
  /** Lowest year assumed for lines without one, or null. */
  yearAssumed: number | null;
  /** Set when the source was placed (or searched for a place) from other evidence after import. */
  anchor?: SourceAnchorRecord;
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
  const anchors = await db.query<{ id: number; anchoring: string }>('sources.anchoring', 'SELECT id, anchoring FROM sources WHERE anchoring IS NOT NULL ORDER BY id');
  const out = new Map<number, SourcePlacementRow>(rows.map((r) => [Number(r.source_id), {
    sourceId: Number(r.source_id), anchoredToStart: Number(r.start_given ?? 0), anchoredToEpoch: Number(r.epoch ?? 0),
    yearAssumed: r.year === null || r.year === undefined ? null : Number(r.year),
  }]));
  for (const a of anchors) {
    const anchor = parseAnchor(a.anchoring);
    if (!anchor) continue;
    const id = Number(a.id);
    out.set(id, { ...(out.get(id) ?? { sourceId: id, anchoredToStart: 0, anchoredToEpoch: 0, yearAssumed: null }), anchor });
  }
  return [...out.values()].sort((a, b) => a.sourceId - b.sourceId);
}

/** Records how a source was placed after import (or that nothing placed it); null clears it. */
export async function setSourceAnchoring(db: Pick<Db, 'exec'>, sourceId: number, anchor: SourceAnchorRecord | null): Promise<void> {
  const text = anchor === null ? 'NULL' : `'${JSON.stringify(anchor).replaceAll("'", "''")}'`;
  await db.exec('sources.setAnchoring', `UPDATE sources SET anchoring = ${text} WHERE id = ${Math.trunc(sourceId)}`);
}

/** Written by us, but read from investigation files: a broken record is ignored, not fatal. */
function parseAnchor(text: string | null): SourceAnchorRecord | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as Partial<SourceAnchorRecord>;
    if (!v || !['audit_record', 'span', 'none'].includes(String(v.basis)) || typeof v.note !== 'string' || typeof v.offsetNs !== 'string' || !/^-?\d+$/.test(v.offsetNs)) return undefined;
    return { basis: v.basis!, offsetNs: v.offsetNs, note: v.note, ...(typeof v.confidence === 'number' ? { confidence: v.confidence } : {}) };
  } catch {
    return undefined;
  }
}
