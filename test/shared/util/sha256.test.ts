import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sha256, sha256Hex } from '../../../shared/util/sha256';

describe('incremental sha256', () => {
  it('matches the known vectors', () => {
    expect(sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches node:crypto for random data fed in random pieces', () => {
    for (const size of [55, 56, 63, 64, 65, 1000, 70_001]) {
      const data = new Uint8Array(randomBytes(size));
      const h = new Sha256();
      for (let i = 0; i < size; ) {
        const n = 1 + Math.floor(Math.random() * 200);
        h.update(data.subarray(i, i + n));
        i += n;
      }
      expect(h.hex()).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });
});
