/**
 * The largest backup Plenum reads. A workshop of 10,000 cards is about 6 MB as a backup; the
 * limit leaves room for eight times that. Far above it, reading and parsing alone take many
 * seconds and gigabytes (a 230 MB file: 9.6 s and 3.6 GB in the app) before anything could be
 * refused, so every way in (import button, a double-clicked file, the CLI) checks the size first.
 */
export const BACKUP_MAX_MB = 50;
export const BACKUP_MAX_BYTES = BACKUP_MAX_MB * 1024 * 1024;
