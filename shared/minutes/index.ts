/**
 * The minutes: session snapshot → neutral minutes model → Markdown, HTML, DOCX, CSV, ICS, mail.
 * DOCX (`./docx`, the large `docx` package) is not re-exported: `renderMinutes` loads it on first
 * use, so the app does not carry it in its start-up bundle.
 */
export * from './model';
export * from './texts';
export * from './markdown';
export * from './html';
export * from './csv';
export * from './ics';
export * from './mail';
export * from './exports';
export { longDate, shortDate } from './format';
