import { describe, expect, it } from 'vitest';
import { answer, fromWire, JobWire, SharedSlots, slotAllocator, slotsFor, toWire } from '../../../shared/importers/sharedSlots';
import { JobRunner, type LineJob, type LineJobResult } from '../../../shared/importers/parallel';

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

describe('the wire between a pool and its workers', () => {
  const text = new TextEncoder().encode(['{"ts":"2026-11-27T10:00:00Z","level":"info","msg":"one"}', 'not json', '{"ts":"2026-11-27T10:00:01Z","level":"error","msg":"two"}', ''].join('\n'));
  const job = (bytes: Uint8Array): LineJob => ({ importerId: 'jsonl-log', ctx: { name: 'a.jsonl' }, bytes, sourceId: 0, offsetNs: 0n });
  const direct = new JobRunner().run(job(text.slice()));

  it('gives the worker\'s result, through shared slots or transferred buffers alike, and frees what the job held', () => {
    for (const slots of [slotsFor(1), undefined]) {
      const wire = new JobWire(slots);
      const bytes = wire.memory.take(text.length);
      bytes.set(text);
      const { message, transfer } = wire.request(1, job(bytes));
      expect(message.input !== undefined).toBe(!!slots);
      expect(transfer.length).toBe(slots ? 0 : 1);
      const { message: reply } = answer(new JobRunner(), structuredClone(wire.init), structuredClone(message));
      const result = wire.reply(structuredClone(reply));
      expect({ ...result, eventsIpc: null, rawIpc: null }).toEqual({ ...direct, eventsIpc: null, rawIpc: null });
      expect([...result.eventsIpc!]).toEqual([...direct.eventsIpc!]);
      expect([...result.rawIpc!]).toEqual([...direct.rawIpc!]);
      expect(result.eventsIpc!.buffer instanceof SharedArrayBuffer).toBe(!!slots);
      wire.release(result);
      if (slots) expect(slots.free).toEqual({ inputs: 4, outputs: 4 });
    }
  });

  it('turns a worker\'s failure into an error and frees the job\'s slots', () => {
    const slots = slotsFor(1);
    const wire = new JobWire(slots);
    const { message } = wire.request(7, { ...job(wire.memory.take(4)), importerId: 'no-such-format' });
    const { message: reply } = answer(new JobRunner(), wire.init, message);
    expect(() => wire.reply(reply)).toThrow(/parse worker: unknown format no-such-format/);
    expect(slots.free).toEqual({ inputs: 4, outputs: 4 });
  });
});
