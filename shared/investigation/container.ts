// The `.driftline` byte layout: magic, container version, manifest length, manifest JSON, sections.
//   0  8  magic 89 'D' 'L' 'N' 0D 0A 1A 0A (PNG-style: catches text-mode transfers and truncation)
//   8  4  container version, u32 little-endian
//  12  4  manifest length in bytes, u32 little-endian
//  16  n  manifest, UTF-8 JSON (see manifest.ts)
//  16+n   sections, in order, at the offsets the manifest gives (since 0.1: each 8-byte aligned, see sectionOffsets)
import { CONTAINER_VERSION, HASH_PLACEHOLDER, type InvestigationManifest, type ManifestSection } from './manifest';

export const MAGIC = new Uint8Array([0x89, 0x44, 0x4c, 0x4e, 0x0d, 0x0a, 0x1a, 0x0a]);
const HEADER = 16;

export class InvestigationFormatError extends Error {
  override name = 'InvestigationFormatError';
}

/**
 * Where each section goes, relative to the end of the manifest: in order, each on an 8-byte boundary. Arrow
 * reads a message body in place only when it is 8-byte aligned and copies it otherwise: a misaligned events
 * section cost ~1 s of reopening 1M events in copies alone.
 */
export function sectionOffsets(lengths: readonly number[]): number[] {
  let at = 0;
  return lengths.map((n) => {
    const offset = at;
    at = align8(offset + n);
    return offset;
  });
}

/** The manifest as stored: padded with spaces after its opening brace so that the sections start 8-byte aligned. */
export function alignedManifest(json: string): Uint8Array {
  const bytes = new TextEncoder().encode(json);
  const pad = align8(HEADER + bytes.length) - (HEADER + bytes.length);
  return pad === 0 ? bytes : new TextEncoder().encode(`{${' '.repeat(pad)}${json.slice(1)}`);
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

export function encodeContainer(manifestJson: Uint8Array, sections: readonly { offset: number; bytes: Uint8Array }[]): Uint8Array {
  const base = HEADER + manifestJson.length;
  const out = new Uint8Array(base + Math.max(0, ...sections.map((s) => s.offset + s.bytes.length)));
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, CONTAINER_VERSION, true);
  view.setUint32(12, manifestJson.length, true);
  out.set(manifestJson, HEADER);
  for (const s of sections) out.set(s.bytes, base + s.offset);
  return out;
}

/** Where a `.driftline` file is read from, piece by piece: a file on disk, or its bytes in memory. */
export interface ContainerSource {
  size: number;
  /** `length` bytes from `offset`, possibly read into `into` (no longer used by anyone) instead of new memory. */
  read(offset: number, length: number, into?: Uint8Array): Promise<Uint8Array>;
}

export const bytesSource = (bytes: Uint8Array): ContainerSource => ({
  size: bytes.length,
  read: async (offset, length) => bytes.subarray(offset, offset + length),
});

export interface ContainerReader {
  manifest: InvestigationManifest;
  /** The manifest's bytes as stored, for checking its seal. */
  manifestBytes: Uint8Array;
  /** Reads a section's bytes, into `into` when given and large enough. */
  read(section: ManifestSection, into?: Uint8Array): Promise<Uint8Array>;
}

export interface DecodedContainer {
  manifest: InvestigationManifest;
  manifestBytes: Uint8Array;
  /** Bytes of a section, as a view into the file (no copy). */
  section(name: string): Uint8Array;
}

/** Reads the header and manifest; sections are read when asked for. */
export async function readContainer(src: ContainerSource): Promise<ContainerReader> {
  const manifestLength = checkHeader(await src.read(0, Math.min(HEADER, src.size)), src.size);
  const manifestBytes = (await src.read(HEADER, manifestLength)).slice();
  const manifest = parseManifest(manifestBytes);
  const base = HEADER + manifestLength;
  return {
    manifest,
    manifestBytes,
    async read(s, into) {
      if (base + s.offset + s.length > src.size) throw new InvestigationFormatError(`The investigation file is truncated (section ${s.name} incomplete).`);
      return src.read(base + s.offset, s.length, into);
    },
  };
}

/** The same, synchronously over bytes in memory. */
export function decodeContainer(bytes: Uint8Array): DecodedContainer {
  const manifestLength = checkHeader(bytes, bytes.length);
  const manifestBytes = bytes.subarray(HEADER, HEADER + manifestLength);
  const manifest = parseManifest(manifestBytes);
  const base = HEADER + manifestLength;
  return {
    manifest,
    manifestBytes,
    section(name) {
      const s = manifest.sections.find((x) => x.name === name);
      if (!s) throw new InvestigationFormatError(`The investigation file has no section ${name}.`);
      if (base + s.offset + s.length > bytes.length) throw new InvestigationFormatError(`The investigation file is truncated (section ${name} incomplete).`);
      return bytes.subarray(base + s.offset, base + s.offset + s.length);
    },
  };
}

/** Checks the 16-byte header of a file of `size` bytes and returns the manifest's length. */
function checkHeader(head: Uint8Array, size: number): number {
  if (head.length < HEADER || MAGIC.some((b, i) => head[i] !== b)) {
    throw new InvestigationFormatError('Not a Driftline investigation file (the first bytes are not a .driftline header).');
  }
  const view = new DataView(head.buffer, head.byteOffset, HEADER);
  const version = view.getUint32(8, true);
  if (version > CONTAINER_VERSION) {
    throw new InvestigationFormatError(`This investigation file uses container version ${version}, newer than this Driftline (${CONTAINER_VERSION}). Update Driftline to open it.`);
  }
  const manifestLength = view.getUint32(12, true);
  if (HEADER + manifestLength > size) throw new InvestigationFormatError('The investigation file is truncated (manifest incomplete).');
  return manifestLength;
}

function parseManifest(bytes: Uint8Array): InvestigationManifest {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as InvestigationManifest;
  } catch {
    throw new InvestigationFormatError('The investigation file is damaged: its manifest is not valid JSON.');
  }
}

/** The manifest bytes with the seal blanked, as they were when the seal was computed. */
export function blankSeal(manifestBytes: Uint8Array): Uint8Array {
  const tail = new TextDecoder().decode(manifestBytes.subarray(Math.max(0, manifestBytes.length - 80)));
  const m = /"sha256":"([0-9a-f]{64})"}$/.exec(tail);
  if (!m) throw new InvestigationFormatError('The investigation file is damaged: its manifest has no seal.');
  const copy = manifestBytes.slice();
  copy.set(new TextEncoder().encode(HASH_PLACEHOLDER), manifestBytes.length - 66);
  return copy;
}
