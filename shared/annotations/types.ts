// What an investigator adds to the evidence: notes, link verdicts, roles, classification overrides,
// manual events. Stored append-only in `annotation_versions` (schema migration 2).

export type TargetType = 'event' | 'link' | 'divergence' | 'resource' | 'chain' | 'classification';
export type LinkStatus = 'proposed' | 'confirmed' | 'rejected';
export type Role = 'root_cause' | 'contributing' | 'none';
/** Which verb wrote the annotation; one annotation id always keeps one kind. */
export type AnnotationKind = 'note' | 'link_status' | 'role' | 'classification' | 'manual_event';

/** One version of one annotation. The current state of an annotation is its highest version. */
export interface AnnotationVersion {
  id: string;
  kind: AnnotationKind;
  targetType: TargetType;
  targetId: string;
  version: number;
  author: string;
  /** ISO-8601 UTC time of the change, as given by the caller (shared code never reads a clock). */
  at: string;
  bodyMd: string;
  tags: string[];
  linkStatus: LinkStatus | null;
  reason: string;
  role: Role | null;
  /** Kind-specific value: the overriding class for 'classification'. */
  value: string;
  deleted: boolean;
}

/** Who made a change and when; every annotation verb takes one. */
export interface Stamp {
  author: string;
  at: string;
}

/** The classes an investigator may choose when overriding the analysis (the analysis' own FailureClass). */
export const FAILURE_CLASSES = ['stale_context', 'missing_context', 'narrow_objective', 'faster_than_review'] as const;

export const LINK_STATUSES: readonly LinkStatus[] = ['proposed', 'confirmed', 'rejected'];
export const ROLES: readonly Role[] = ['root_cause', 'contributing', 'none'];
export const TARGET_TYPES: readonly TargetType[] = ['event', 'link', 'divergence', 'resource', 'chain', 'classification'];
