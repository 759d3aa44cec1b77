// The investigator's verbs as the worker runs them: one wire shape per shared annotation verb.
import type { Db } from '../../shared/db/db';
import type { FailureClass } from '../../shared/analysis/types';
import type { Nanos } from '../../shared/model/ids';
import {
  addManualEvent, addNote, clearClassificationOverride, editNote, markRole, overrideClassification, setLinkStatus,
  type AnnotationVersion, type LinkStatus, type Role, type Stamp, type TargetType,
} from '../../shared/annotations';

export type AnnotateOp =
  | { verb: 'addNote'; target: { type: TargetType; id: string }; bodyMd: string; tags?: string[] }
  | { verb: 'editNote'; id: string; bodyMd?: string; tags?: string[] }
  | { verb: 'setLinkStatus'; link: string; status: LinkStatus; reason: string }
  | { verb: 'markRole'; target: { type: TargetType; id: string }; role: Role; reason: string }
  | { verb: 'overrideClassification'; cls: FailureClass; rationale: string }
  | { verb: 'clearClassificationOverride' }
  | { verb: 'addManualEvent'; ts: bigint; message: string; actor: string };

export async function annotate(db: Db, op: AnnotateOp, stamp: Stamp): Promise<AnnotationVersion> {
  switch (op.verb) {
    case 'addNote':
      return addNote(db, op.target, { bodyMd: op.bodyMd, tags: op.tags }, stamp);
    case 'editNote':
      return editNote(db, op.id, { ...(op.bodyMd !== undefined && { bodyMd: op.bodyMd }), ...(op.tags && { tags: op.tags }) }, stamp);
    case 'setLinkStatus':
      return setLinkStatus(db, op.link, op.status, op.reason, stamp);
    case 'markRole':
      return markRole(db, op.target, op.role, op.reason, stamp);
    case 'overrideClassification':
      return overrideClassification(db, op.cls, op.rationale, stamp);
    case 'clearClassificationOverride':
      return clearClassificationOverride(db, stamp);
    case 'addManualEvent':
      return (await addManualEvent(db, { ts: op.ts as Nanos, message: op.message, actor: op.actor, actorType: op.actor ? 'human' : 'unknown' }, stamp)).annotation;
  }
}
