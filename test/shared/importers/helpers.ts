// Test helpers: run one importer's parser over a fixture, or import through the whole pipeline into a fresh db.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Importer, ByteSource } from '../../../shared/importers/types';
import type { ParsedEvent } from '../../../shared/model/event';
import type { LocatedError } from '../../../shared/importers/types';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const fixture = (...p: string[]) => path.join(repoRoot, 'test/fixtures', ...p);

/** Feeds a file through an importer's parser the way the pipeline does (lines, or the whole document). */
export function parseWith(imp: Importer, text: string, name = 'x', assumeYear?: number) {
  const parser = imp.createParser({ name, assumeYear });
  const events: ParsedEvent[] = [];
  const errors: LocatedError[] = [];
  let merged = 0;
  let derived = 0;
  const take = (o: { events: ParsedEvent[]; errors: LocatedError[]; merged: number; derived?: number }) => {
    events.push(...o.events);
    errors.push(...o.errors);
    merged += o.merged;
    derived += o.derived ?? 0;
  };
  if (imp.mode === 'document') parser.push(text.replace(/^\uFEFF/, ''), 1);
  else
    text.split('\n').forEach((l, i) => {
      const t = l.replace(/\r$/, '');
      if (t.trim()) parser.push(t, i + 1);
      if (i % 7 === 0) take(parser.drain());
    });
  take(parser.finish());
  return { events, errors, merged, derived };
}

export const readFixture = (...p: string[]) => readFileSync(fixture(...p), 'utf8');

/** An in-memory ByteSource, optionally returning short reads to exercise chunk boundaries. */
export function memorySource(bytes: Uint8Array | string, name = 'mem.jsonl'): ByteSource {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return { name, path: name, size: data.length, read: async (o, n) => data.slice(o, o + n) };
}

export const attrs = (e: ParsedEvent) => JSON.parse(e.attributes) as Record<string, unknown>;
