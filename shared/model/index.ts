/** The session document: the only door to Yjs for the rest of Plenum. */
export * from './schema';
export * from './result';
export { createWorkshopDoc, initWorkshop, LOCAL_ORIGIN, type WorkshopDoc, type WorkshopDefaults } from './doc';
export * from './validate';
export * from './meta';
export * from './agenda';
export * from './cards';
export * from './participants';
export * from './snapshot';
export * from './live';
export * from './undo';
export * from './updates';
export * from './template';
export { newId } from './ids';
export * from './restore';
export * from './tables';
