// Golden-file comparison: UPDATE_GOLDEN=1 rewrites the file instead of comparing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

const DIR = path.resolve(__dirname, '../../fixtures/export');

export function expectGolden(name: string, actual: string): void {
  const file = path.join(DIR, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (!existsSync(file) && process.env.UPDATE_GOLDEN !== '1') throw new Error(`Golden file ${name} is missing; run with UPDATE_GOLDEN=1 to create it`);
    writeFileSync(file, actual);
    return;
  }
  // After an intended change (e.g. the analysis got better), accept it with:
  //   UPDATE_GOLDEN=1 npx vitest run test/shared/export   and review the diff of test/fixtures/export.
  expect(actual, `${name} differs: if the change is intended, run UPDATE_GOLDEN=1 npx vitest run test/shared/export`).toBe(readFileSync(file, 'utf8'));
}
