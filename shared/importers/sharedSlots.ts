// Memory shared with the parse workers, allocated once: job bytes go to a worker through an input slot and
// its Arrow results come back through an output slot, so no job allocates, transfers or frees memory.
//
// Why: every transferred buffer is new memory on the side that receives it. Measured on a 1M-line import
// (~900 MB of job bytes and results crossing threads), that churn made V8 mark the importing thread's heap
// (~70 MB, most of it duckdb-wasm's) again and again for "external memory pressure", ~25 full collections
// and several CPU seconds on its helper threads; and new memory costs ~3 ms per MB to touch here.
// Node only: a browser's TextDecoder refuses views of shared memory (and Arrow decodes field names with it).
// A job or result that does not fit, or finds no free slot, falls back to plain transferred memory: slower,
// never wrong. JobWire and answer() are both ends of the wire, for Node's worker threads with slots and the
// browser's Web Workers without.
import { SpareBuffers, type JobMemory, type JobRunner, type LineJob, type LineJobResult } from './parallel';

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

/**
 * A job is cut after a newline once it holds JOB_BYTES (4 MiB), so it can reach that plus one read chunk; its
 * Arrow results (events and raw records) measured ~2.1x its bytes on JSON lines.
 */
const INPUT_SLOT_BYTES = 9 * 1024 * 1024;
const OUTPUT_SLOT_BYTES = 3 * INPUT_SLOT_BYTES;

/** Slots for a pool of `workers`: every job the pipeline keeps in flight (two per worker) and the one being inserted. */
export const slotsFor = (workers: number) => new SharedSlots(2 * workers + 2, INPUT_SLOT_BYTES, OUTPUT_SLOT_BYTES);

/** What a worker is sent once, at start: the slots it shares with the importing thread (none without them). */
export interface WorkerInit {
  inputs: SharedArrayBuffer[];
  outputs: SharedArrayBuffer[];
}

/** A job on the wire: its bytes in an input slot (`job.bytes` then empty) or transferred, and its results' slot. */
export interface WorkerRequest {
  id: number;
  job: LineJob;
  input?: { slot: number; length: number };
  output?: number;
}

/** A worker's answer: the result or what went wrong, and a transferred job buffer handed back for reuse. */
export interface WorkerReply {
  id: number;
  wire?: WireResult;
  error?: string;
  spare?: ArrayBuffer;
}

/**
 * The pool's end of the wire: builds each job's message, turns each reply back into a result, and keeps
 * track of the memory each job holds. With slots, jobs and results go through them; without (the browser),
 * buffers are transferred and job buffers come back for reuse.
 */
export class JobWire {
  readonly memory: JobMemory;
  private readonly held = new Map<number, { input?: number; output?: number }>();
  private readonly resultSlots = new WeakMap<LineJobResult, number>();
  private readonly spare?: SpareBuffers;

  constructor(private readonly slots?: SharedSlots) {
    this.memory = slots ?? (this.spare = new SpareBuffers());
  }

  get init(): WorkerInit {
    return { inputs: this.slots?.inputs ?? [], outputs: this.slots?.outputs ?? [] };
  }

  request(id: number, job: LineJob): { message: WorkerRequest; transfer: ArrayBuffer[] } {
    const input = this.slots?.inputSlot(job.bytes);
    const output = this.slots?.takeOutput();
    this.held.set(id, { input, output });
    if (input === undefined) return { message: { id, job, output }, transfer: [job.bytes.buffer as ArrayBuffer] };
    return { message: { id, job: { ...job, bytes: new Uint8Array(0) }, input: { slot: input, length: job.bytes.length }, output }, transfer: [] };
  }

  /** The job's result, its input slot free again; throws what went wrong in the worker. */
  reply(reply: WorkerReply): LineJobResult {
    const held = this.abandon(reply.id, !reply.wire);
    this.spare?.give(reply.spare);
    if (!reply.wire) throw new Error(`parse worker: ${reply.error}`);
    const slot = held?.output === undefined ? undefined : this.slots!.outputs[held.output];
    const result = fromWire(reply.wire, slot);
    if (held?.output !== undefined) this.resultSlots.set(result, held.output);
    return result;
  }

  /** Frees what a job held that will never be answered (its worker died); its results' slot too unless kept. */
  abandon(id: number, withOutput = true): { input?: number; output?: number } | undefined {
    const held = this.held.get(id);
    this.held.delete(id);
    if (held?.input !== undefined) this.slots!.releaseInput(held.input);
    if (withOutput && held?.output !== undefined) this.slots!.releaseOutput(held.output);
    return held;
  }

  /** Hands a result's slot back once it has been inserted. */
  release(result: LineJobResult): void {
    const output = this.resultSlots.get(result);
    if (output === undefined) return;
    this.resultSlots.delete(result);
    this.slots!.releaseOutput(output);
  }
}

/** The worker's end: runs a request and builds the reply, results in the job's output slot where they fit. */
export function answer(runner: JobRunner, init: WorkerInit | undefined, req: WorkerRequest): { message: WorkerReply; transfer: ArrayBuffer[] } {
  try {
    const bytes = req.input ? new Uint8Array(init!.inputs[req.input.slot], 0, req.input.length) : req.job.bytes;
    const slot = req.output === undefined ? undefined : init?.outputs[req.output];
    const wire = toWire(runner.run({ ...req.job, bytes }, slotAllocator(slot)), slot);
    const transfer = [wire.result.eventsIpc, wire.result.rawIpc].filter((b): b is Uint8Array => b !== null).map((b) => b.buffer as ArrayBuffer);
    // A transferred job buffer goes back too, for the pool to fill with a later job.
    const spare = req.input ? undefined : (req.job.bytes.buffer as ArrayBuffer);
    return { message: { id: req.id, wire, spare }, transfer: spare ? [...transfer, spare] : transfer };
  } catch (e) {
    return { message: { id: req.id, error: (e as Error)?.message ?? String(e) }, transfer: [] };
  }
}
