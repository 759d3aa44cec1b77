// How a tool's verb shows up in the control plane: `kubectl scale` is an API PATCH on deployments/scale.
import { WRITE_ACTIONS } from '../model/event';

const API_VERBS: Record<string, readonly string[]> = {
  get: ['get', 'list', 'watch'],
  describe: ['get', 'list'],
  top: ['get', 'list'],
  logs: ['get'],
  list: ['list', 'get'],
  scale: ['patch', 'update'],
  apply: ['patch', 'create', 'update'],
  update: ['update', 'patch'],
  patch: ['patch', 'update'],
  edit: ['update', 'patch'],
  restart: ['patch'],
  rollback: ['patch', 'update', 'create'],
  cordon: ['patch'],
  drain: ['patch', 'create', 'delete'],
  create: ['create'],
  delete: ['delete', 'deletecollection'],
  run: ['create'],
};

/** True when an audit record with `apiVerb` can be the trace of a tool call with `toolVerb`. */
export function verbsMatch(toolVerb: string, apiVerb: string): boolean {
  const t = toolVerb.toLowerCase();
  const a = apiVerb.toLowerCase();
  return t === a || (API_VERBS[t]?.includes(a) ?? false);
}

export const isWrite = (verb: string): boolean => WRITE_ACTIONS.has(verb.toLowerCase());
export const isRead = (verb: string): boolean => ['get', 'list', 'watch', 'describe', 'top', 'logs', 'observe'].includes(verb.toLowerCase());
