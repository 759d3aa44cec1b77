// Folds the current annotations into lookups that exports and views need.
import type { Classification, FailureClass } from '../analysis/types';
import type { AnnotationVersion, LinkStatus, Role } from './types';

export interface AnnotationState {
  /** Notes per `${targetType}:${targetId}`. */
  notes: Map<string, AnnotationVersion[]>;
  /** Link verdicts by link id. */
  links: Map<string, { status: LinkStatus; reason: string; author: string; at: string }>;
  /** Roles per `${targetType}:${targetId}` (role 'none' left out). */
  roles: Map<string, { role: Role; reason: string; author: string }>;
  classification: { cls: FailureClass; rationale: string; author: string; at: string } | null;
  manualEventIds: Set<number>;
}

export const targetKey = (type: string, id: string) => `${type}:${id}`;

export function foldAnnotations(current: readonly AnnotationVersion[]): AnnotationState {
  const state: AnnotationState = { notes: new Map(), links: new Map(), roles: new Map(), classification: null, manualEventIds: new Set() };
  for (const a of current) {
    if (a.deleted) continue;
    const key = targetKey(a.targetType, a.targetId);
    if (a.kind === 'note') state.notes.set(key, [...(state.notes.get(key) ?? []), a]);
    else if (a.kind === 'link_status' && a.linkStatus) state.links.set(a.targetId, { status: a.linkStatus, reason: a.reason, author: a.author, at: a.at });
    else if (a.kind === 'role' && a.role && a.role !== 'none') state.roles.set(key, { role: a.role, reason: a.reason, author: a.author });
    else if (a.kind === 'classification') state.classification = { cls: a.value as FailureClass, rationale: a.reason, author: a.author, at: a.at };
    else if (a.kind === 'manual_event') state.manualEventIds.add(Number(a.targetId));
  }
  return state;
}

export interface EffectiveClassification {
  cls: string;
  confidence: number | null;
  rationale: string;
  /** Who overrode the analysis, or null when the analysis' own classification stands. */
  overriddenBy: string | null;
  overriddenAt: string | null;
  /** The analysis' best classification, kept next to an override so a reader sees both. */
  original: Classification | null;
}

/** The classification an export should lead with: the investigator's override, else the analysis' best. */
export function effectiveClassification(analysis: readonly Classification[], state: AnnotationState): EffectiveClassification {
  const original = [...analysis].sort((a, b) => b.confidence - a.confidence)[0] ?? null;
  if (state.classification) {
    const o = state.classification;
    return { cls: o.cls, confidence: null, rationale: o.rationale, overriddenBy: o.author, overriddenAt: o.at, original };
  }
  return original
    ? { cls: original.class, confidence: original.confidence, rationale: original.rationale, overriddenBy: null, overriddenAt: null, original }
    : { cls: 'unclassified', confidence: null, rationale: 'The analysis found no classification.', overriddenBy: null, overriddenAt: null, original: null };
}

/**
 * The words every view and export uses for an override, so they all say the same thing:
 * "overridden by carol: <rationale>". Null when nothing was overridden.
 */
export function overrideLine(c: EffectiveClassification): string | null {
  return c.overriddenBy ? `overridden by ${c.overriddenBy}: ${c.rationale}` : null;
}

/** "stale context (0.92): <rationale>", the analysis' own words, shown beside an override. */
export function originalLine(c: EffectiveClassification): string | null {
  return c.original ? `${c.original.class.replace(/_/g, ' ')} (confidence ${c.original.confidence.toFixed(2)}): ${c.original.rationale}` : null;
}
