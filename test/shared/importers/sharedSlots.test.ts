import { describe, expect, it } from 'vitest';
import { fromWire, SharedSlots, slotAllocator, toWire } from '../../../shared/importers/sharedSlots';
import type { LineJobResult } from '../../../shared/importers/parallel';

const result = (eventsIpc: Uint8Array | null, rawIpc: Uint8Array | null): LineJobResult => ({
  lines: 3, absoluteLines: false, events: 2, merged: 0, derived: 0, errors: [{ line: 2, reason: 'bad' }], minTs: 1n, maxTs: 2n, eventsIpc, rawIpc,
});

describe('slots shared with the parse workers', () => {
  it('hands out input slots while they last and large enough, then new memory', () => {
    const slots = new SharedSlots(2, 100, 300);
    const a = slots.take(60), b = slots.take(100), c = slots.take(10), big = slots.take(101);
    expect([a, b].map((x) => slots.inputSlot(x))).toEqual([1, 0]);
    expect(slots.inputSlot(c)).toBeUndefined();
    expect(slots.inputSlot(big)).toBeUndefined();
    expect(slots.reused).toBe(2);
    slots.releaseInput(1);
    expect(slots.inputSlot(slots.take(5))).toBe(1);
    expect(slots.free).toEqual({ inputs: 0, outputs: 2 });
  });

  it('packs a job\'s streams 8-byte aligned into its output slot, then new memory when it is full', () => {
    const slot = new SharedArrayBuffer(64);
    const alloc = slotAllocator(slot);
    const first = alloc(13), second = alloc(20), third = alloc(40);
    expect([first.buffer, first.byteOffset]).toEqual([slot, 0]);
    expect([second.buffer, second.byteOffset]).toEqual([slot, 16]);
    expect(third.buffer).not.toBe(slot);
    expect(slotAllocator(undefined)(8).buffer).toBeInstanceOf(ArrayBuffer);
  });

  it('sends streams in the slot as ranges and others as they are, and rebuilds the same result', () => {
    const slot = new SharedArrayBuffer(64);
    const inSlot = new Uint8Array(slot, 8, 5).fill(7);
    const own = Uint8Array.from([1, 2, 3]);
    const wire = toWire(result(inSlot, own), slot);
    expect(wire.events).toEqual({ offset: 8, length: 5 });
    expect(wire.raw).toBeUndefined();
    expect(wire.result.eventsIpc).toBeNull();
    expect(wire.result.rawIpc).toBe(own);
    const back = fromWire(structuredClone(wire), slot);
    expect([...back.eventsIpc!]).toEqual([7, 7, 7, 7, 7]);
    expect(back.eventsIpc!.buffer).toBe(slot);
    expect([...back.rawIpc!]).toEqual([1, 2, 3]);
    expect(back.errors).toEqual([{ line: 2, reason: 'bad' }]);
  });
});
