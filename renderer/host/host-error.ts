/*
 * A host call that failed answers the host's own words: English, from Node or Electron, often with a
 * path ("file:save: EACCES: permission denied, open '/x/y'"). Those words are for support, not for
 * the person at the laptop: the screen says in the UI's language what happened and what to do, and
 * the words go to the console. Main adds Node's error code to them where the message lacks it
 * (electron/ipc-router.ts), so the code is what is read here.
 */

/** i18next's `t` as far as these sentences need it. */
type Translate = (key: string) => string;

/** Node's error codes of a failed file write, each with the sentence that says it. */
const FILE_REASONS: Readonly<Record<string, string>> = {
  EACCES: 'errors.file.noPermission',
  EPERM: 'errors.file.noPermission',
  EROFS: 'errors.file.readOnly',
  ENOSPC: 'errors.file.diskFull',
  EDQUOT: 'errors.file.diskFull',
  ENAMETOOLONG: 'errors.file.pathTooLong',
  EBUSY: 'errors.file.inUse',
  EISDIR: 'errors.file.isFolder',
  ENOENT: 'errors.file.folderMissing',
};

/** Node's error codes of a signaling server that could not listen. */
const HOSTING_REASONS: Readonly<Record<string, string>> = {
  EADDRINUSE: 'errors.hosting.portInUse',
  EADDRNOTAVAIL: 'errors.hosting.addressUnavailable',
};

/** The first of Node's error codes ("EACCES") in a host's message that `reasons` knows. */
function knownCode(raw: string, reasons: Readonly<Record<string, string>>): string | undefined {
  return raw.match(/\bE[A-Z]{3,}\b/g)?.find((code) => code in reasons);
}

function sentence(t: Translate, raw: string, reasons: Readonly<Record<string, string>>, otherwise: string): string {
  const code = knownCode(raw, reasons);
  return t(code ? (reasons[code] as string) : otherwise);
}

/** Why a file was not written (`file:save`, `pdf:save`), in the UI's language. */
export function fileErrorText(t: Translate, raw: string): string {
  return sentence(t, raw, FILE_REASONS, 'errors.file.notWritten');
}

/** Why this laptop's signaling server did not start (`hosting:start`), in the UI's language. */
export function hostingErrorText(t: Translate, raw: string): string {
  return sentence(t, raw, HOSTING_REASONS, 'errors.hosting.unknown');
}

/** Keeps a failed host call's own words where support reads them: the console, once per failure. */
export function logHostError(raw: string): void {
  console.warn('host call failed:', raw);
}
