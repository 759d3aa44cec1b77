// On open, evidence files still on disk are hashed by the host and compared with the manifest, so an
// investigator learns when the evidence changed since it was imported (issue 6).
import type { InvestigationManifest } from './manifest';

export interface SourceCheck {
  path: string;
  status: 'match' | 'mismatch' | 'missing';
  expected: string;
  /** Hash of the file found now; null when it was not found. */
  actual: string | null;
}

/** `found` maps each manifest path to the sha256 of the file found for it, or null when there is none. */
export function compareSources(manifest: InvestigationManifest, found: ReadonlyMap<string, string | null>): SourceCheck[] {
  return manifest.sources.map((s) => {
    const actual = found.get(s.path) ?? null;
    const status = actual === null ? 'missing' : actual.toLowerCase() === s.sha256.toLowerCase() ? 'match' : 'mismatch';
    return { path: s.path, status, expected: s.sha256, actual };
  });
}

/** One line for a person: "1/2 evidence files found on disk match the recorded sha256; changed since import: b.jsonl". */
export function describeSourceChecks(checks: readonly SourceCheck[]): string {
  const present = checks.filter((c) => c.status !== 'missing');
  const changed = checks.filter((c) => c.status === 'mismatch');
  if (!present.length) return 'the original evidence files were not found; the investigation file alone is used';
  const head = `${present.length - changed.length}/${present.length} evidence files found on disk match the recorded sha256`;
  return changed.length ? `${head}; changed since import: ${changed.map((c) => c.path).join(', ')}` : head;
}
