// Redaction: what an export may show of secrets, people and raw records.
export { redactInput } from './redact';
export { PROFILES, profileByName, type RedactionProfile, type RedactionProfileName } from './profiles';
export { maskSecrets, SECRET_PATTERNS } from './patterns';
export { PeopleMap } from './people';
