// Applies a redaction profile to an export's input. Every string reachable from the input is
// rewritten (analysis, events, annotations), so no exporter can forget a field.
import type { ExportInput, RedactionInfo } from '../export/input';
import { maskSecrets } from './patterns';
import { PeopleMap } from './people';
import { profileByName, type RedactionProfile } from './profiles';

export function redactInput(input: ExportInput, profileName: string): { input: ExportInput; info: RedactionInfo } {
  const profile = profileByName(profileName);
  const info: RedactionInfo = { profile: profile.name, description: profile.description, secretsMasked: 0, peopleReplaced: 0 };
  if (!profile.maskSecrets && !profile.replacePeople && !profile.dropRaw) return { input, info };

  const people = profile.replacePeople ? knownPeople(input) : null;
  const text = (s: string): string => {
    let out = s;
    if (profile.maskSecrets) {
      const m = maskSecrets(out);
      out = m.text;
      info.secretsMasked += m.count;
    }
    return people ? people.replaceIn(out) : out;
  };
  const redacted = deepMap(input, text, profile) as ExportInput;
  // Hashes and times are identifiers a reader needs to check the evidence; they hold no secret.
  redacted.sources = redacted.sources.map((s, i) => ({ ...s, sha256: input.sources[i].sha256 }));
  redacted.generatedAt = input.generatedAt;
  redacted.investigation = input.investigation;
  if (profile.dropRaw) redacted.raw = [];
  info.peopleReplaced = people?.count ?? 0;
  return { input: redacted, info };
}

/** People the evidence names: human actors first (by first appearance), then annotation authors. */
function knownPeople(input: ExportInput): PeopleMap {
  const people = new PeopleMap();
  for (const a of input.analysis.actors) if (a.type === 'human') people.add(a.name, 'human');
  for (const e of input.events) if (e.actorType === 'human' && e.actor) people.add(e.actor, 'human');
  for (const a of input.history) people.add(a.author, 'investigator');
  for (const a of input.annotations) people.add(a.author, 'investigator');
  return people;
}

function deepMap(value: unknown, text: (s: string) => string, profile: RedactionProfile): unknown {
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) return value.map((v) => deepMap(v, text, profile));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = profile.dropRaw && k === 'raw' && Array.isArray(v) ? [] : deepMap(v, text, profile);
    return out;
  }
  return value;
}
