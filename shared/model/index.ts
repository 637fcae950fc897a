/** The session document: the only door to Yjs for the rest of Plenum. */
export * from './schema';
export * from './result';
export { createWorkshopDoc, initWorkshop, LOCAL_ORIGIN, type WorkshopDoc, type WorkshopDefaults } from './doc';
export * from './validate';
export * from './time';
export * from './time-fields';
export * from './meta';
export * from './agenda';
export * from './cards';
export * from './card-text';
export * from './participants';
export * from './stakeholder-groups';
export * from './snapshot';
export { AREA_NAMES, AREAS, perArea, type Area, type AreaDefinition } from './areas';
export * from './live';
export * from './undo';
export * from './updates';
export * from './template';
export { ID_PATTERN, isId, newId } from './ids';
export { participantKey, textKey } from './text-key';
export * from './restore';
export * from './tables';
export * from './groups';
export * from './votes';
export * from './actions';
export * from './parking-lot';
export * from './run';
export * from './agenda-template';
export * from './board-view';
export { PENDING_ORDER } from './order';
export * from './roles';
export * from './phones';
export {
  BACKUP_EXTENSION,
  BACKUP_FORMAT,
  BACKUP_MAX_BYTES,
  BACKUP_MAX_MB,
  areaSchemas,
  backupSizeRefusal,
  backupState,
  backupTooBig,
  exportBackup,
  parseBackup,
  readBackup,
  restoreBackup,
  type BackupError,
  type BackupErrorCode,
  type CheckedBackup,
} from './backup';
export { repairBackup, type BackupRepair, type BackupRepairCode } from './backup-repair';
export { backupChecksum, canonicalJson, CHECKSUM_FIELD } from './backup-checksum';
