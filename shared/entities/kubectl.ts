// Reads what an agent meant to do from its tool-call arguments: a kubectl command line or structured
// arguments become a verb, a canonical resource key and intent facts (e.g. spec.replicas=2).
import { canonicalKind, k8sKey } from '../model/resource';
import type { ResourceKey } from '../model/ids';

export type FactValue = string | number | boolean;

export interface KubectlIntent {
  /** Normalised verb: get, describe, scale, patch, delete, apply, restart, rollback, cordon, drain, ... */
  verb: string;
  resource: ResourceKey | '';
  namespace: string;
  kind: string;
  name: string;
  /** What the call would make true, as JSON-path-like keys (spec.replicas → 2). */
  facts: Record<string, FactValue>;
}

const VERB_ALIASES: Record<string, string> = { edit: 'update', replace: 'update', set: 'update', label: 'patch', annotate: 'patch', create: 'create', run: 'run' };
const ROLLOUT_VERBS: Record<string, string> = { restart: 'restart', undo: 'rollback', status: 'get', history: 'get', pause: 'patch', resume: 'patch' };
/** Flags that take a value as the next token (so it is not mistaken for the resource name). */
const VALUE_FLAGS = new Set(['-n', '--namespace', '-o', '--output', '-l', '--selector', '-f', '--filename', '-p', '--patch', '--replicas', '-c', '--container', '--context', '--type', '--image', '--min', '--max', '--cpu-percent', '--timeout', '--field-selector', '--kubeconfig', '--cluster', '--user', '--to-revision']);

/** Interprets tool-call arguments (JSON text, an object, or a bare command line). Undefined when nothing kubectl-like is found. */
export function parseToolArguments(args: unknown): KubectlIntent | undefined {
  if (typeof args === 'string') {
    const t = args.trim();
    if (t.startsWith('{') || t.startsWith('[')) {
      try {
        return parseToolArguments(JSON.parse(t));
      } catch {
        // Not JSON after all: fall through to a command line.
      }
    }
    return parseKubectlCommand(t);
  }
  if (Array.isArray(args)) return args.every((a) => typeof a === 'string') ? parseKubectlCommand(['kubectl', ...args].join(' ')) : undefined;
  if (!args || typeof args !== 'object') return undefined;
  const o = args as Record<string, unknown>;
  for (const key of ['command', 'cmd', 'commandLine', 'script', 'input']) {
    const v = o[key];
    if (typeof v === 'string' && /\bkubectl\b/.test(v)) return parseKubectlCommand(v);
    if (Array.isArray(v) && v.every((a) => typeof a === 'string')) return parseKubectlCommand(v.join(' '));
  }
  return parseStructured(o);
}

function parseStructured(o: Record<string, unknown>): KubectlIntent | undefined {
  const str = (...keys: string[]) => {
    for (const k of keys) if (typeof o[k] === 'string' || typeof o[k] === 'number') return String(o[k]);
    return '';
  };
  const verbRaw = str('action', 'verb', 'operation', 'op').toLowerCase();
  let kind = str('kind', 'resource', 'resource_type', 'resourceType', 'type');
  let name = str('name', 'resource_name', 'resourceName');
  if (!verbRaw || !kind) return undefined;
  if (!name && kind.includes('/')) [kind, name] = kind.split('/', 2);
  const namespace = str('namespace', 'ns');
  const facts: Record<string, FactValue> = {};
  const replicas = o.replicas ?? o.count;
  if (typeof replicas === 'number' || (typeof replicas === 'string' && /^\d+$/.test(replicas))) facts['spec.replicas'] = Number(replicas);
  if (typeof o.image === 'string') facts['spec.template.spec.containers.image'] = o.image;
  if (o.patch !== undefined) Object.assign(facts, flattenPatch(o.patch));
  return build(normaliseVerb(verbRaw), kind, name, namespace, facts);
}

/** Parses `kubectl <verb> <kind> <name> [flags]` and its common variants (kind/name, rollout restart, -n=ns, quoting). */
export function parseKubectlCommand(command: string): KubectlIntent | undefined {
  const tokens = tokenize(command);
  const start = tokens.indexOf('kubectl');
  if (start < 0) return undefined;
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = start + 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === '|' || t === '&&' || t === ';' || t === '||') break;
    if (t.startsWith('-') && t.length > 1) {
      const eq = t.indexOf('=');
      if (eq > 0) flags[t.slice(0, eq)] = t.slice(eq + 1);
      else if (VALUE_FLAGS.has(t) && i + 1 < tokens.length) flags[t] = tokens[++i];
      else flags[t] = 'true';
    } else positional.push(t);
  }
  if (!positional.length) return undefined;
  let verb = positional.shift()!.toLowerCase();
  let sub = '';
  if (verb === 'rollout' || verb === 'set') {
    sub = (positional.shift() ?? '').toLowerCase();
    verb = verb === 'rollout' ? ROLLOUT_VERBS[sub] ?? sub : 'update';
  }
  let kind = '';
  let name = '';
  const target = positional[0] ?? '';
  if (target.includes('/')) [kind, name] = target.split('/', 2);
  else {
    kind = target;
    name = positional[1] ?? '';
  }
  if (verb === 'cordon' || verb === 'uncordon' || verb === 'drain') {
    name = kind;
    kind = 'node';
  }
  const namespace = flags['-n'] ?? flags['--namespace'] ?? '';
  const facts: Record<string, FactValue> = {};
  const replicas = flags['--replicas'];
  if (replicas !== undefined && /^\d+$/.test(replicas)) facts['spec.replicas'] = Number(replicas);
  const patch = flags['-p'] ?? flags['--patch'];
  if (patch) {
    try {
      Object.assign(facts, flattenPatch(JSON.parse(patch)));
    } catch {
      // A YAML or strategic patch we cannot read: the verb and resource still hold.
    }
  }
  if (verb === 'autoscale') {
    if (flags['--min']) facts['hpa.minReplicas'] = Number(flags['--min']);
    if (flags['--max']) facts['hpa.maxReplicas'] = Number(flags['--max']);
  }
  if (sub === 'image') {
    // `set image deploy/x c=img`: assignments follow the target.
    for (const p of positional.slice(1)) {
      const eq = p.indexOf('=');
      if (eq > 0) facts[`spec.template.spec.containers.${p.slice(0, eq)}.image`] = p.slice(eq + 1);
    }
  }
  return build(normaliseVerb(verb), kind, name, namespace, facts);
}

function build(verb: string, kind: string, name: string, namespace: string, facts: Record<string, FactValue>): KubectlIntent {
  const k = kind ? canonicalKind(kind) : '';
  const resource = k && name ? k8sKey(k, name, namespace || undefined) : '';
  return { verb, resource, namespace: namespace || (k ? 'default' : ''), kind: k, name, facts };
}

function normaliseVerb(v: string): string {
  return VERB_ALIASES[v] ?? v;
}

/** Flattens a JSON merge patch to dotted keys with scalar values (arrays by index). */
export function flattenPatch(patch: unknown, prefix = '', out: Record<string, FactValue> = {}, depth = 0): Record<string, FactValue> {
  if (depth > 32) return out;
  if (patch === null || typeof patch !== 'object') {
    if (prefix && (typeof patch === 'string' || typeof patch === 'number' || typeof patch === 'boolean')) out[prefix] = patch;
    return out;
  }
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) flattenPatch(v, prefix ? `${prefix}.${k}` : k, out, depth + 1);
  return out;
}

/** Shell-like split: whitespace separates, single and double quotes group, backslash escapes. */
export function tokenize(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote = '';
  let has = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < s.length) cur += s[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === '\\' && i + 1 < s.length) {
      cur += s[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
    }
  }
  if (has || cur) out.push(cur);
  return out;
}
