// Redaction profiles an export can be made with. The profile's name and description are printed in
// every export, so a reader knows what was removed.

export type RedactionProfileName = 'none' | 'standard';

export interface RedactionProfile {
  name: RedactionProfileName;
  description: string;
  maskSecrets: boolean;
  replacePeople: boolean;
  dropRaw: boolean;
}

export const PROFILES: Record<RedactionProfileName, RedactionProfile> = {
  none: { name: 'none', description: 'nothing redacted; evidence is shown as recorded', maskSecrets: false, replacePeople: false, dropRaw: false },
  standard: {
    name: 'standard',
    description: 'secrets masked by pattern (keys, tokens, passwords, private keys); people replaced by roles (human-N, investigator-N); raw records dropped',
    maskSecrets: true, replacePeople: true, dropRaw: true,
  },
};

export function profileByName(name: string): RedactionProfile {
  const p = PROFILES[name as RedactionProfileName];
  if (!p) throw new Error(`Unknown redaction profile "${name}" (known: ${Object.keys(PROFILES).join(', ')})`);
  return p;
}
