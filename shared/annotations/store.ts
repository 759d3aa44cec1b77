// SQL for the append-only annotation history: the only place that reads or writes annotation_versions.
import type { Db } from '../db/db';
import type { AnnotationKind, AnnotationVersion, LinkStatus, Role, TargetType } from './types';

interface AnnotationRow extends Record<string, unknown> {
  id: string;
  kind: string;
  target_type: string;
  target_id: string;
  version: number;
  author: string;
  at: string;
  body_md: string;
  tags: string;
  link_status: string | null;
  reason: string;
  role: string | null;
  value: string;
  deleted: boolean;
}

const COLUMNS = 'id, kind, target_type, target_id, version, author, "at", body_md, tags, link_status, reason, role, value, deleted';

function toVersion(r: AnnotationRow): AnnotationVersion {
  return {
    id: r.id,
    kind: r.kind as AnnotationKind,
    targetType: r.target_type as TargetType,
    targetId: r.target_id,
    version: Number(r.version),
    author: r.author,
    at: r.at,
    bodyMd: r.body_md,
    tags: JSON.parse(r.tags) as string[],
    linkStatus: (r.link_status ?? null) as LinkStatus | null,
    reason: r.reason,
    role: (r.role ?? null) as Role | null,
    value: r.value,
    deleted: Boolean(r.deleted),
  };
}

/** The latest version of `id`, or undefined when there is none. */
export async function latest(db: Db, id: string): Promise<AnnotationVersion | undefined> {
  const rows = await db.query<AnnotationRow>(
    'annotations.latest',
    `SELECT ${COLUMNS} FROM annotation_versions WHERE id = ? ORDER BY version DESC LIMIT 1`,
    [id],
  );
  return rows.length ? toVersion(rows[0]) : undefined;
}

/** Appends one version; `version` is computed here so callers cannot overwrite history. */
export async function appendVersion(db: Db, v: Omit<AnnotationVersion, 'version'>): Promise<AnnotationVersion> {
  const prev = await latest(db, v.id);
  if (prev && prev.kind !== v.kind) throw new Error(`Annotation ${v.id} is a ${prev.kind}, not a ${v.kind}`);
  const row: AnnotationVersion = { ...v, version: (prev?.version ?? 0) + 1 };
  await db.query(
    'annotations.append',
    `INSERT INTO annotation_versions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [row.id, row.kind, row.targetType, row.targetId, row.version, row.author, row.at, row.bodyMd,
      JSON.stringify(row.tags), row.linkStatus, row.reason, row.role, row.value, row.deleted],
  );
  return row;
}

/** Every version of one annotation, oldest first. */
export async function history(db: Db, id: string): Promise<AnnotationVersion[]> {
  const rows = await db.query<AnnotationRow>(
    'annotations.history',
    `SELECT ${COLUMNS} FROM annotation_versions WHERE id = ? ORDER BY version`,
    [id],
  );
  return rows.map(toVersion);
}

/** The current state: the highest version of each annotation, deleted ones left out unless asked. */
export async function current(db: Db, opts: { includeDeleted?: boolean } = {}): Promise<AnnotationVersion[]> {
  const rows = await db.query<AnnotationRow>(
    'annotations.current',
    `SELECT ${COLUMNS} FROM annotation_versions
     QUALIFY row_number() OVER (PARTITION BY id ORDER BY version DESC) = 1
     ORDER BY "at", id`,
  );
  const all = rows.map(toVersion);
  return opts.includeDeleted ? all : all.filter((a) => !a.deleted);
}

/** Every version of every annotation, for exports that carry the full history. */
export async function allVersions(db: Db): Promise<AnnotationVersion[]> {
  const rows = await db.query<AnnotationRow>(
    'annotations.all',
    `SELECT ${COLUMNS} FROM annotation_versions ORDER BY id, version`,
  );
  return rows.map(toVersion);
}

/** Next free number for generated ids like `note-7`; numbers are never reused, even after deletion. */
export async function nextSerial(db: Db, kind: AnnotationKind): Promise<number> {
  const rows = await db.query<{ n: number | bigint }>(
    'annotations.serial',
    'SELECT count(DISTINCT id) AS n FROM annotation_versions WHERE kind = ?',
    [kind],
  );
  return Number(rows[0]?.n ?? 0) + 1;
}
