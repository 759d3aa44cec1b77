// Input and output shapes of the causal graph builder (pure: rows in, Cytoscape element data out).

/** The few event columns the graph needs, as the engine returns them. */
export interface GraphEvent {
  id: number;
  ts: bigint;
  actor: string;
  actorType: string;
  kind: string;
  service: string;
  resource: string;
  action: string;
  severity: string;
  message: string;
  callId: string;
  /** Events this row stands for when the engine pre-aggregated repeats (large investigations); else 1. */
  count?: number;
}

export interface Lane {
  key: string;
  label: string;
  actorType: string;
  y: number;
}

export type NodeKind = 'event' | 'cluster' | 'divergence' | 'finding';

export interface GraphNode {
  group: 'nodes';
  data: {
    id: string;
    label: string;
    nodeKind: NodeKind;
    /** Event kind (tool_call, audit, log…) for styling; '' for divergences. */
    kind: string;
    severity: string;
    lane: string;
    /** The event this node stands for (first member for a cluster), for selection. */
    eventId: number | null;
    /** Members of a cluster, else [eventId]. */
    members: number[];
    count: number;
  };
  position: { x: number; y: number };
  classes: string;
}

export type GraphEdgeKind = string;

export interface GraphEdge {
  group: 'edges';
  data: { id: string; source: string; target: string; kind: GraphEdgeKind; confidence: number; label: string };
  classes: string;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  lanes: Lane[];
  /** Time span drawn, for the axis. */
  t0: bigint;
  t1: bigint;
  width: number;
}
