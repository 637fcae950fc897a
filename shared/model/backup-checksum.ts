import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/*
 * The checksum of a `.plenum` file: SHA-256 over a canonical serialisation of everything in the
 * file but the checksum itself. Canonical, not the file's bytes: the same content gives the
 * same checksum however the JSON is laid out (indentation, key order, a BOM), so only a change
 * of what the file says breaks it. A pure-JS hash (@noble/hashes), because parsing a backup is
 * synchronous and runs in the browser, in Electron and in the CLI alike.
 */

export const CHECKSUM_FIELD = 'checksum';
const PREFIX = 'sha256:';

/**
 * JSON with the keys of every object sorted and no whitespace. Like JSON.stringify, a field
 * holding undefined is left out (export writes the file with JSON.stringify, import hashes
 * what JSON.parse gave back, and both must agree).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  // JSON.stringify gives every number its one shortest form.
  return JSON.stringify(value) ?? 'null';
}

/** The checksum of a backup's top-level object: every field but the checksum. */
export function backupChecksum(file: Readonly<Record<string, unknown>>): string {
  const content = Object.fromEntries(Object.entries(file).filter(([key]) => key !== CHECKSUM_FIELD));
  return `${PREFIX}${bytesToHex(sha256(utf8ToBytes(canonicalJson(content))))}`;
}

/**
 * Whether a parsed file's content is what its checksum says. A file without the field was
 * written before checksums existed (or edited by someone who took it out) and is not checked;
 * a checksum that is not one, or content too deeply nested to hash, counts as damage.
 */
export function checksumHolds(file: Readonly<Record<string, unknown>>): boolean {
  if (!(CHECKSUM_FIELD in file)) return true;
  const stated = file[CHECKSUM_FIELD];
  if (typeof stated !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(stated)) return false;
  try {
    return backupChecksum(file) === stated;
  } catch {
    return false;
  }
}
