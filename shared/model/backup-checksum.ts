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

/** How many characters of the canonical text are hashed at a time: the text itself is never held whole. */
const CHUNK_CHARS = 1 << 16;

/**
 * Writes `value` as canonical JSON into `add`, piece by piece. One pass that appends, instead of a
 * string per object joined into its parent's: for a 100,000-card backup the nested map/join
 * version took 8 s of the import's check (the shared 2-core machine, Node).
 */
function writeCanonical(value: unknown, add: (piece: string) => void, quoted: Map<string, string>): void {
  if (Array.isArray(value)) {
    add('[');
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) add(',');
      const item: unknown = value[index];
      if (item === undefined) add('null');
      else writeCanonical(item, add, quoted);
    }
    add(']');
    return;
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    add('{');
    let first = true;
    for (const key of Object.keys(record).sort()) {
      const item = record[key];
      if (item === undefined) continue;
      let name = quoted.get(key);
      if (name === undefined) {
        name = `${JSON.stringify(key)}:`;
        quoted.set(key, name);
      }
      add(first ? name : `,${name}`);
      first = false;
      writeCanonical(item, add, quoted);
    }
    add('}');
    return;
  }
  // JSON.stringify gives every number its one shortest form.
  add(JSON.stringify(value) ?? 'null');
}

/**
 * JSON with the keys of every object sorted and no whitespace. Like JSON.stringify, a field
 * holding undefined is left out (export writes the file with JSON.stringify, import hashes
 * what JSON.parse gave back, and both must agree).
 */
export function canonicalJson(value: unknown): string {
  let text = '';
  writeCanonical(value, (piece) => (text += piece), new Map());
  return text;
}

/** The checksum of a backup's top-level object: every field but the checksum. */
export function backupChecksum(file: Readonly<Record<string, unknown>>): string {
  const content = Object.fromEntries(Object.entries(file).filter(([key]) => key !== CHECKSUM_FIELD));
  // Hashed as it is written, a chunk at a time: the same bytes as hashing canonicalJson(content) whole
  // (a chunk ends between pieces, and a piece is a whole token, so no character's UTF-16 pair is split).
  const hash = sha256.create();
  let chunk = '';
  writeCanonical(
    content,
    (piece) => {
      chunk += piece;
      if (chunk.length >= CHUNK_CHARS) {
        hash.update(utf8ToBytes(chunk));
        chunk = '';
      }
    },
    new Map(),
  );
  hash.update(utf8ToBytes(chunk));
  return `${PREFIX}${bytesToHex(hash.digest())}`;
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
