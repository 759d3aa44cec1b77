// The investigator's verbs. Each one appends a version with author and time; nothing is overwritten.
import type { Db } from '../db/db';
import type { FailureClass } from '../analysis/types';
import { appendVersion, latest, nextSerial } from './store';
import type { AnnotationVersion, LinkStatus, Role, Stamp, TargetType } from './types';
import { FAILURE_CLASSES, LINK_STATUSES, ROLES } from './types';

const blank = { bodyMd: '', tags: [] as string[], linkStatus: null, reason: '', role: null, value: '', deleted: false };

/** A Markdown note on an event, link, divergence, resource or the chain. Returns the new note. */
export async function addNote(
  db: Db,
  target: { type: TargetType; id: string },
  note: { bodyMd: string; tags?: string[] },
  stamp: Stamp,
): Promise<AnnotationVersion> {
  const id = `note-${await nextSerial(db, 'note')}`;
  return appendVersion(db, {
    ...blank, id, kind: 'note', targetType: target.type, targetId: target.id,
    bodyMd: note.bodyMd, tags: normalizeTags(note.tags ?? []), ...stamp,
  });
}

/** A new version of an existing note (text and/or tags); the earlier text stays in its history. */
export async function editNote(db: Db, id: string, change: { bodyMd?: string; tags?: string[] }, stamp: Stamp): Promise<AnnotationVersion> {
  const prev = await mustExist(db, id);
  if (prev.kind !== 'note') throw new Error(`Annotation ${id} is a ${prev.kind}, not a note`);
  const tags = change.tags ? normalizeTags(change.tags) : prev.tags;
  return appendVersion(db, { ...prev, ...change, tags, ...stamp, deleted: false });
}

/** Deletion is one more version with the flag set, so the deleted text can still be shown in history. */
export async function deleteAnnotation(db: Db, id: string, stamp: Stamp): Promise<AnnotationVersion> {
  const prev = await mustExist(db, id);
  return appendVersion(db, { ...prev, ...stamp, deleted: true });
}

/** The investigator's verdict on a proposed causal link (see linkId in targets.ts), with the reason. */
export async function setLinkStatus(db: Db, link: string, status: LinkStatus, reason: string, stamp: Stamp): Promise<AnnotationVersion> {
  if (!LINK_STATUSES.includes(status)) throw new Error(`Unknown link status ${status}`);
  return appendVersion(db, {
    ...blank, id: `link:${link}`, kind: 'link_status', targetType: 'link', targetId: link,
    linkStatus: status, reason, ...stamp,
  });
}

/** Marks an event, link or divergence as the root cause or a contributing factor ('none' clears it). */
export async function markRole(
  db: Db,
  target: { type: TargetType; id: string },
  role: Role,
  reason: string,
  stamp: Stamp,
): Promise<AnnotationVersion> {
  if (!ROLES.includes(role)) throw new Error(`Unknown role ${role}`);
  return appendVersion(db, {
    ...blank, id: `role:${target.type}:${target.id}`, kind: 'role', targetType: target.type, targetId: target.id,
    role, reason, ...stamp,
  });
}

/** Replaces the analysis' classification with the investigator's, with a rationale. One per investigation. */
export async function overrideClassification(db: Db, cls: FailureClass, rationale: string, stamp: Stamp): Promise<AnnotationVersion> {
  if (!(FAILURE_CLASSES as readonly string[]).includes(cls)) throw new Error(`Unknown classification ${cls}`);
  if (!rationale.trim()) throw new Error('A classification override needs a rationale');
  return appendVersion(db, {
    ...blank, id: 'classification', kind: 'classification', targetType: 'classification', targetId: 'classification',
    value: cls, reason: rationale, ...stamp,
  });
}

/** Goes back to the analysis' classification; the override stays in the history as a deleted version. */
export async function clearClassificationOverride(db: Db, stamp: Stamp): Promise<AnnotationVersion> {
  return deleteAnnotation(db, 'classification', stamp);
}

/** Tags are short labels: trimmed, lower-cased, spaces as dashes, no duplicates, in the order given. */
export function normalizeTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const tag = t.trim().toLowerCase().replace(/\s+/g, '-').slice(0, 64);
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

async function mustExist(db: Db, id: string): Promise<AnnotationVersion> {
  const prev = await latest(db, id);
  if (!prev) throw new Error(`No annotation ${id}`);
  return prev;
}
