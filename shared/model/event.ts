// The one event shape every importer produces and every view reads (table `events`).
import type { EventId, Nanos, ResourceKey, SourceId } from './ids';

/** What an event is, across all formats. */
export type EventKind =
  | 'log' // an application or system log line
  | 'span' // a trace span that is not an agent step
  | 'audit' // a control-plane audit record (Kubernetes, CloudTrail, ...)
  | 'k8s_event' // a Kubernetes Event object
  | 'alert' // an alert firing or resolving
  | 'agent_run' // an agent invocation (invoke_agent span, session start)
  | 'tool_call' // the agent asked a tool to do something
  | 'tool_result' // what the tool answered: the agent's observation
  | 'agent_message' // text the agent produced
  | 'user_message' // text a person sent the agent
  | 'manual'; // added by an investigator, recorded by no file

export type ActorType = 'agent' | 'human' | 'system' | 'unknown';
export type Severity = 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** Verbs that change state; everything else is a read or an observation. */
export const WRITE_ACTIONS = new Set([
  'create', 'update', 'patch', 'delete', 'deletecollection', 'scale', 'apply', 'restart', 'rollback', 'drain', 'cordon', 'write', 'terminate', 'stop', 'run',
]);

export interface EventRow {
  id: EventId;
  sourceId: SourceId;
  /** 1-based line in the source file where the record starts. */
  sourceLine: number;
  /** JSON pointer inside the record for events cut out of one document (a span in an OTLP file), else ''. */
  sourcePointer: string;
  ts: Nanos;
  /** End time for events with a duration (spans), else null. */
  endTs: Nanos | null;
  kind: EventKind;
  actor: string;
  actorType: ActorType;
  service: string;
  resource: ResourceKey | '';
  action: string;
  severity: Severity;
  message: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  /** Links a tool call to its result (trimmed id as the transcript spelled it). */
  callId: string;
  /** Format-specific fields as JSON text (no json extension in duckdb-wasm offline: parse in TS). */
  attributes: string;
}

/** An event as it leaves a parser: ids are assigned by the import pipeline. */
export type ParsedEvent = Omit<EventRow, 'id' | 'sourceId'> & { raw: string };

export function emptyEvent(partial: Partial<ParsedEvent>): ParsedEvent {
  return {
    sourceLine: 0,
    sourcePointer: '',
    ts: 0n as Nanos,
    endTs: null,
    kind: 'log',
    actor: '',
    actorType: 'unknown',
    service: '',
    resource: '',
    action: '',
    severity: 'info',
    message: '',
    traceId: '',
    spanId: '',
    parentSpanId: '',
    callId: '',
    attributes: '{}',
    raw: '',
    ...partial,
  };
}
