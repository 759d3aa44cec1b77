import { describe, expect, it } from 'vitest';
import { nodeDuckDB, openNodeDb } from '../../../main/engine/nodeDb';
import { MAX_RESERVE_BYTES, heapOf, reserveWasmMemory, type WasmHeap } from '../../../shared/db/connectionDb';

const MIB = 1 << 20;

describe('reserving wasm memory', () => {
  it('grows duckdb-wasm memory once and leaves the room to its allocator', async () => {
    const bindings = await nodeDuckDB();
    try {
      const heap = heapOf(bindings);
      expect(heap).toBeDefined();
      const before = heap!.HEAPU8.length;
      reserveWasmMemory(heap!, 256 * MIB);
      const after = heap!.HEAPU8.length;
      expect(after - before).toBeGreaterThanOrEqual(200 * MIB);
      // The block went back to the allocator: the same amount again, and an allocation inside it, need no growth.
      reserveWasmMemory(heap!, 256 * MIB);
      const p = heap!._malloc(200 * MIB);
      expect(p).not.toBe(0);
      heap!._free(p);
      expect(heap!.HEAPU8.length).toBe(after);
    } finally {
      bindings.reset();
    }
  });

  it('asks for at most MAX_RESERVE_BYTES, skips small amounts, and survives a refused allocation', () => {
    const asked: number[] = [];
    const freed: number[] = [];
    const heap = (ptr: number): WasmHeap => ({ _malloc: (n) => (asked.push(n), ptr), _free: (p) => freed.push(p), HEAPU8: new Uint8Array(16) });
    reserveWasmMemory(heap(8), 5 * 1024 * MIB);
    reserveWasmMemory(heap(8), 1000);
    reserveWasmMemory(heap(0), 64 * MIB);
    expect(asked).toEqual([MAX_RESERVE_BYTES, 64 * MIB]);
    expect(freed).toEqual([8]);
  });

  it('is offered by the Node database, which still answers queries after reserving', async () => {
    const db = await openNodeDb();
    try {
      expect(typeof db.reserve).toBe('function');
      db.reserve!(64 * MIB);
      expect(await db.query('t', 'SELECT 41 + 1 AS n')).toEqual([{ n: 42 }]);
    } finally {
      await db.close();
    }
  });

  it('finds no allocator on bindings without one', () => {
    expect(heapOf({})).toBeUndefined();
    expect(heapOf({ mod: { _malloc: () => 0 } })).toBeUndefined();
  });
});
