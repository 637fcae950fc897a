/*
 * The model's second door: the parts that need no document (its limits and languages, dates and
 * times, ids, results and validation). Nothing here may import Yjs or a file that does (doc.ts
 * and everything on it): the home screen and the app's start import this instead of the index,
 * so their code does not carry Yjs (tests/unit/start-imports.test.ts checks). The index exports all
 * of it too.
 */
export * from './schema';
export * from './result';
export * from './validate';
export * from './time';
export { placeText } from './place';
export { ID_PATTERN, isId, newId } from './ids';
export { participantKey, textKey } from './text-key';
export { BACKUP_MAX_BYTES, BACKUP_MAX_MB } from './backup-size';
