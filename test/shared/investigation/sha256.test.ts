import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../../shared/investigation/sha256';

const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('investigation sha256', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('hashes with WebCrypto', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(ABC);
  });

  it('falls back to the pure TypeScript hash where crypto.subtle is missing (non-secure page)', async () => {
    vi.stubGlobal('crypto', {});
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(ABC);
  });
});
