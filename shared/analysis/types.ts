// The analysis result, in the exact shape of the versioned JSON output `driftline.analysis/v1`.
// Field names are snake_case because this is a published file format; see docs/analysis-v1.schema.json.

export const ANALYSIS_SCHEMA = 'driftline.analysis/v1';

/** A pointer to the exact evidence line a claim rests on. */
export interface Evidence {
  /** Source path as imported. */
  source: string;
  /** 1-based line in that file. */
  line: number;
  /** JSON pointer inside a document record, when the line holds more than one event. */
  pointer?: string;
  /** Event row id in this investigation (for the app to select it). */
  event_id: number;
}

export interface SourceSummary {
  path: string;
  sha256: string;
  size: number;
  format: string;
  confidence: number;
  events: number;
  merged: number;
  /** Events made beyond one per record (a tool span → call + result); present when > 0. Records = events − derived + merged + errors. */
  derived?: number;
  errors: number;
  first_ts: string | null;
  last_ts: string | null;
  clock_offset_ms: number;
  /** Present when the times are not simply the file's own (added compatibly in v1; may be absent). */
  anchoring?: SourceAnchoring;
}

/**
 * How a source without (complete) times was placed on the time axis: from a start time given at import,
 * from the audit record of one of its tool calls or a trace span naming one of its call ids (found after
 * import), not at all (`no_times`), or, for syslog, with a year assumed.
 */
export interface SourceAnchoring {
  basis: 'start_given' | 'audit_record' | 'span' | 'no_times' | 'year_assumed';
  /** The same in words, e.g. "no times in the file: placed at 0 …; set a start time". */
  note: string;
}

/** Events of `source` fall outside spans of `relative_to` that enclose them (same trace): its clock looks off. */
export interface ClockSkew {
  source: string;
  relative_to: string;
  /** Add this to `source`'s clock offset: the shift nearest zero that puts the most pairs inside their spans (may be negative). */
  shift_ms: number;
  /** Pairs (child span → parent span, or log line → its span) that are out of place. */
  evidence_pairs: number;
  /** All pairs compared between the two sources. */
  checked_pairs: number;
  /** One shift puts every pair in place (false when the clocks seem to drift: the shift then fits the most). */
  consistent: boolean;
  /** The pair that sets the shift: the event in `source`, and the span in `relative_to`. */
  example: { source: Evidence; relative_to: Evidence };
  why: string;
}

export interface Actor {
  name: string;
  type: 'agent' | 'human' | 'system' | 'unknown';
  /** Why this principal got this type. */
  why: string;
  evidence: Evidence[];
}

export interface Action {
  event_id: number;
  ts: string;
  actor: string;
  /** Tool name for transcript tool calls; verb for audit records. */
  tool: string;
  verb: string;
  resource: string;
  /** What the agent asked for, e.g. `spec.replicas = 2`. */
  intent: string;
  /** Where the action is recorded: the tool call, and the audit write it caused. */
  evidence: Evidence[];
}

export interface Belief {
  resource: string;
  /** Dotted path of the fact, e.g. `spec.replicas`. */
  fact: string;
  value: string;
  observed_at: string;
  evidence: Evidence[];
}

export type DivergenceKind = 'stale_context' | 'environment_drift' | 'contradicted' | 'unobserved_target' | 'blind_spot';

export interface Divergence {
  id: string;
  kind: DivergenceKind;
  resource: string;
  action: { event_id: number; ts: string; actor: string; intent: string; evidence: Evidence[] };
  believed: { fact: string; value: string | null; observed_at: string | null; evidence: Evidence[] };
  actual: { fact: string; value: string | null; since: string | null; changed_by: string | null; evidence: Evidence[] };
  staleness_ms: number | null;
  confidence: number;
  why: string;
}

export type ChainEdgeKind =
  | 'caused_write' // tool call → audit write
  | 'controller_reaction' // write → controller events
  | 'error_onset' // write → errors begin in the service
  | 'propagated' // errors → errors in dependent services
  | 'alerted' // errors → alert
  | 'intervened' // alert → human intervention
  | 'recovered' // intervention → recovery
  | 'acted_on_stale'; // divergence → action

export interface ChainNode {
  id: string;
  event_id: number | null;
  label: string;
  ts: string;
  kind: string;
}

export interface ChainEdge {
  from: string;
  to: string;
  kind: ChainEdgeKind;
  confidence: number;
  why: string;
  evidence: Evidence[];
}

export type FailureClass = 'stale_context' | 'missing_context' | 'narrow_objective' | 'faster_than_review';

export interface Classification {
  class: FailureClass;
  confidence: number;
  rationale: string;
}

export interface Intervention {
  first_divergence: string | null;
  first_impact: string | null;
  first_alert: string | null;
  stopped_at: string | null;
  stopped_by: string | null;
  how: string | null;
  /** From the first impact to the stop. */
  kept_acting_ms: number | null;
  actions_after_first_impact: number;
  /** What stopping the agent earlier would have prevented (added compatibly in v1; may be absent). */
  counterfactual?: Counterfactual[];
}

export interface Counterfactual {
  if_stopped_at: 'first_divergence' | 'first_alert';
  ts: string;
  /** Event ids of the agent's write actions that would not have happened. */
  avoided_actions: number[];
  statement: string;
}

/** One thing however the sources name it: a deployment with its pods, Service and service.name. */
export interface Entity {
  key: string;
  kind: string;
  aliases: { alias: string; why: string }[];
}

export interface AnalysisV1 {
  schema: typeof ANALYSIS_SCHEMA;
  generator: string;
  sources: SourceSummary[];
  /** Canonical entities with the aliases merged into them (added compatibly in v1; may be absent). */
  entities?: Entity[];
  actors: Actor[];
  actions: Action[];
  beliefs: Belief[];
  divergences: Divergence[];
  chain: { nodes: ChainNode[]; edges: ChainEdge[]; most_probable_path: string[] };
  classification: Classification[];
  intervention: Intervention;
  /** Clock skew between sources sharing trace ids; present only when some was found (added compatibly in v1). */
  clock_skew?: ClockSkew[];
}
