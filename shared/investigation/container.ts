// The `.driftline` byte layout: magic, container version, manifest length, manifest JSON, sections.
//   0  8  magic 89 'D' 'L' 'N' 0D 0A 1A 0A (PNG-style: catches text-mode transfers and truncation)
//   8  4  container version, u32 little-endian
//  12  4  manifest length in bytes, u32 little-endian
//  16  n  manifest, UTF-8 JSON (see manifest.ts)
//  16+n   sections, back to back, at the offsets the manifest gives
import { CONTAINER_VERSION, HASH_PLACEHOLDER, type InvestigationManifest } from './manifest';

export const MAGIC = new Uint8Array([0x89, 0x44, 0x4c, 0x4e, 0x0d, 0x0a, 0x1a, 0x0a]);
const HEADER = 16;

export class InvestigationFormatError extends Error {
  override name = 'InvestigationFormatError';
}

export function encodeContainer(manifestJson: Uint8Array, sections: readonly Uint8Array[]): Uint8Array {
  const total = HEADER + manifestJson.length + sections.reduce((n, s) => n + s.length, 0);
  const out = new Uint8Array(total);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, CONTAINER_VERSION, true);
  view.setUint32(12, manifestJson.length, true);
  out.set(manifestJson, HEADER);
  let at = HEADER + manifestJson.length;
  for (const s of sections) {
    out.set(s, at);
    at += s.length;
  }
  return out;
}

export interface DecodedContainer {
  manifest: InvestigationManifest;
  /** The manifest's bytes as stored, for checking its seal. */
  manifestBytes: Uint8Array;
  /** Bytes of a section, as a view into the file (no copy). */
  section(name: string): Uint8Array;
}

export function decodeContainer(bytes: Uint8Array): DecodedContainer {
  if (bytes.length < HEADER || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new InvestigationFormatError('Not a Driftline investigation file (the first bytes are not a .driftline header).');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version > CONTAINER_VERSION) {
    throw new InvestigationFormatError(`This investigation file uses container version ${version}, newer than this Driftline (${CONTAINER_VERSION}). Update Driftline to open it.`);
  }
  const manifestLength = view.getUint32(12, true);
  if (HEADER + manifestLength > bytes.length) throw new InvestigationFormatError('The investigation file is truncated (manifest incomplete).');
  const manifestBytes = bytes.subarray(HEADER, HEADER + manifestLength);
  let manifest: InvestigationManifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as InvestigationManifest;
  } catch {
    throw new InvestigationFormatError('The investigation file is damaged: its manifest is not valid JSON.');
  }
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

/** The manifest bytes with the seal blanked, as they were when the seal was computed. */
export function blankSeal(manifestBytes: Uint8Array): Uint8Array {
  const tail = new TextDecoder().decode(manifestBytes.subarray(Math.max(0, manifestBytes.length - 80)));
  const m = /"sha256":"([0-9a-f]{64})"}$/.exec(tail);
  if (!m) throw new InvestigationFormatError('The investigation file is damaged: its manifest has no seal.');
  const copy = manifestBytes.slice();
  copy.set(new TextEncoder().encode(HASH_PLACEHOLDER), manifestBytes.length - 66);
  return copy;
}
