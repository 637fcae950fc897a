/** The minutes: session snapshot → neutral minutes model → Markdown, HTML, DOCX, CSV, ICS, mail. */
export * from './model';
export * from './texts';
export * from './markdown';
export * from './html';
export * from './docx';
export * from './csv';
export * from './ics';
export * from './mail';
export * from './exports';
export { longDate, shortDate } from './format';
