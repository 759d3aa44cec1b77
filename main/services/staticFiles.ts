// Serves the built renderer (dist/renderer) for the app:// scheme: maps a URL to a file under the
// root and never outside it, with the right MIME type (WebAssembly streaming needs application/wasm)
// and a strict CSP on every response, workers included.
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'driftline';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Same policy as renderer/index.html's meta tag; sent as a header so workers get it too. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

export const mimeType = (file: string) => MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** The file a URL names under `root`, or null when the URL is not ours or points outside. */
export function resolveAppPath(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let rel: string;
  try {
    // The URL parser already folds "..", but an encoded slash ("..%2F..") only appears once decoded.
    rel = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  if (rel === '/' || rel === '') rel = '/index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, `.${rel}`);
  const inside = path.relative(base, file);
  if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}

const headers = (contentType: string) => ({
  'Content-Type': contentType,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
});

const text = (status: number, body: string) => new Response(body, { status, headers: headers('text/plain; charset=utf-8') });

export async function serveStatic(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed');
  const file = resolveAppPath(root, request.url);
  if (!file) return text(403, 'Forbidden');
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = new Uint8Array(await fs.readFile(file));
  } catch {
    // Missing, a directory, unreadable: all the same to the page.
    return text(404, 'Not found');
  }
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: headers(mimeType(file)) });
}
