// Memory shared with the parse workers, allocated once: job bytes go to a worker through an input slot and
// its Arrow results come back through an output slot, so no job allocates, transfers or frees memory.
//
// Why: every transferred buffer is new memory on the side that receives it. Measured on a 1M-line import
// (~900 MB of job bytes and results crossing threads), that churn made V8 mark the importing thread's heap
// (~70 MB, most of it duckdb-wasm's) again and again for "external memory pressure", ~25 full collections
// and several CPU seconds on its helper threads; and new memory costs ~3 ms per MB to touch here.
// Needs SharedArrayBuffer (Node; a browser page only when cross-origin isolated). A job or result that does
// not fit, or finds no free slot, falls back to plain transferred memory: slower, never wrong.
import type { LineJobResult } from './parallel';

/** Where a result's stream lies in its job's output slot. */
export interface SlotRange {
  offset: number;
  length: number;
}

/** A job result on the wire: streams in the output slot are sent as ranges, not as buffers. */
export interface WireResult {
  result: LineJobResult;
  events?: SlotRange;
  raw?: SlotRange;
}

export class SharedSlots {
  readonly inputs: SharedArrayBuffer[];
  readonly outputs: SharedArrayBuffer[];
  private readonly freeInputs: number[];
  private readonly freeOutputs: number[];
  /** Jobs whose bytes went through an input slot. */
  reused = 0;

  constructor(count: number, readonly inputBytes: number, readonly outputBytes: number) {
    this.inputs = Array.from({ length: count }, () => new SharedArrayBuffer(inputBytes));
    this.outputs = Array.from({ length: count }, () => new SharedArrayBuffer(outputBytes));
    this.freeInputs = this.inputs.map((_, i) => i);
    this.freeOutputs = this.outputs.map((_, i) => i);
  }

  /** Memory for a job's bytes: a free input slot when one is free and large enough, else new memory. */
  take(length: number): Uint8Array {
    const slot = length <= this.inputBytes ? this.freeInputs.pop() : undefined;
    if (slot === undefined) return new Uint8Array(length);
    this.reused++;
    return new Uint8Array(this.inputs[slot], 0, length);
  }

  /** The input slot a job's bytes are in, if they are in one. */
  inputSlot(bytes: Uint8Array): number | undefined {
    const i = this.inputs.indexOf(bytes.buffer as SharedArrayBuffer);
    return i < 0 ? undefined : i;
  }

  releaseInput(slot: number): void {
    this.freeInputs.push(slot);
  }

  takeOutput(): number | undefined {
    return this.freeOutputs.pop();
  }

  releaseOutput(slot: number): void {
    this.freeOutputs.push(slot);
  }

  /** Slots not in use: all of them once every job has been inserted. */
  get free(): { inputs: number; outputs: number } {
    return { inputs: this.freeInputs.length, outputs: this.freeOutputs.length };
  }
}

/**
 * For a worker: hands out consecutive 8-byte-aligned pieces of an output slot (Arrow reads bodies in place
 * only when aligned), and new memory once the slot is full.
 */
export function slotAllocator(slot: SharedArrayBuffer | undefined): (length: number) => Uint8Array {
  let at = 0;
  return (length) => {
    if (!slot || at + length > slot.byteLength) return new Uint8Array(length);
    const view = new Uint8Array(slot, at, length);
    at = Math.ceil((at + length) / 8) * 8;
    return view;
  };
}

/** For a worker: the result with the streams that lie in `slot` replaced by their ranges. */
export function toWire(result: LineJobResult, slot: SharedArrayBuffer | undefined): WireResult {
  const range = (ipc: Uint8Array | null) => (ipc && slot && ipc.buffer === slot ? { offset: ipc.byteOffset, length: ipc.length } : undefined);
  const events = range(result.eventsIpc), raw = range(result.rawIpc);
  return {
    result: { ...result, eventsIpc: events ? null : result.eventsIpc, rawIpc: raw ? null : result.rawIpc },
    events,
    raw,
  };
}

/** For the importing thread: the result with its streams as views into `slot` again. */
export function fromWire({ result, events, raw }: WireResult, slot: SharedArrayBuffer | undefined): LineJobResult {
  const view = (r: SlotRange | undefined, own: Uint8Array | null) => (r && slot ? new Uint8Array(slot, r.offset, r.length) : own);
  return { ...result, eventsIpc: view(events, result.eventsIpc), rawIpc: view(raw, result.rawIpc) };
}
