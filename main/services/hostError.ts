// Errors that cross to the renderer keep a kind it can act on (cancelled, not found, denied...);
// file-system errno codes are mapped here so services can just throw.
import { toWireError, type WireError } from '../../shared/ipc/host';

export class HostError extends Error {
  constructor(
    readonly kind: WireError['kind'],
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

const ERRNO_KINDS: Record<string, WireError['kind']> = {
  ENOENT: 'not-found',
  ENOTDIR: 'not-found',
  EACCES: 'denied',
  EPERM: 'denied',
  EROFS: 'denied',
  EISDIR: 'invalid',
  EINVAL: 'invalid',
};

export function wireErrorOf(e: unknown): WireError {
  if (e instanceof HostError) return toWireError(e, e.kind);
  const code = (e as { code?: unknown } | null)?.code;
  return toWireError(e, (typeof code === 'string' && ERRNO_KINDS[code]) || 'internal');
}
