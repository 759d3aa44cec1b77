import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, mimeType, resolveAppPath, serveStatic } from '../../../main/services/staticFiles';

let base: string;
let root: string;
beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'driftline-static-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Driftline</title>');
  writeFileSync(path.join(root, 'assets', 'duckdb-eh.wasm'), new Uint8Array([0, 0x61, 0x73, 0x6d]));
  writeFileSync(path.join(root, 'assets', 'app name.js'), 'export {}');
  writeFileSync(path.join(base, 'secret.txt'), 'outside the renderer');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveStatic(root, new Request(url, { method }));

describe('app:// static files', () => {
  it('serves index.html for the bare origin, with the CSP header', async () => {
    const res = await get('app://driftline/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<title>Driftline</title>');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves wasm as application/wasm (streaming compilation requires it) and decodes escaped names', async () => {
    const wasm = await get('app://driftline/assets/duckdb-eh.wasm');
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 0x61, 0x73, 0x6d]));
    const js = await get('app://driftline/assets/app%20name.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('refuses every way out of the renderer folder', async () => {
    for (const url of [
      'app://driftline/..%2Fsecret.txt',
      'app://driftline/assets/..%2F..%2Fsecret.txt',
      'app://driftline/%2e%2e/secret.txt',
      'app://driftline/../secret.txt',
      'app://driftline/index.html%00.png',
      'app://other-host/index.html',
    ]) {
      const res = await get(url);
      expect(res.status, url).not.toBe(200);
      expect(await res.text(), url).not.toContain('outside the renderer');
    }
  });

  it('answers 404 for missing files and directories, 405 for writes', async () => {
    expect((await get('app://driftline/nope.js')).status).toBe(404);
    expect((await get('app://driftline/assets')).status).toBe(404);
    expect((await get('app://driftline/index.html', 'POST')).status).toBe(405);
  });

  it('resolves only app://driftline URLs under the root', () => {
    expect(resolveAppPath(root, 'app://driftline/assets/x.js')).toBe(path.join(root, 'assets', 'x.js'));
    expect(resolveAppPath(root, 'https://driftline/index.html')).toBeNull();
    expect(resolveAppPath(root, 'app://driftline/%E0%A4%A')).toBeNull();
  });

  it('has a CSP with no remote origins and wasm allowed', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|'unsafe-eval'/);
    expect(mimeType('a/B.MJS')).toMatch(/^text\/javascript/);
    expect(mimeType('x.unknown')).toBe('application/octet-stream');
  });
});
