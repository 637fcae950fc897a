import { renderActionsCsv } from './csv';
import { renderHtml } from './html';
import { renderActionsIcs } from './ics';
import { renderMarkdown } from './markdown';
import type { Minutes } from './model';
import { exportFileName } from './file-name';

export { exportFileName, fileSlug } from './file-name';

/** Every format the minutes are exported in; PDF is drawn by the host (electron/services/minutes-pdf.ts), or printed by the browser on the web. */
export const MINUTES_FORMATS = ['md', 'html', 'pdf', 'docx', 'csv', 'ics'] as const;
export type MinutesFormat = (typeof MINUTES_FORMATS)[number];

export const FORMAT_FILES: Record<MinutesFormat, { extension: string; mimeType: string }> = {
  md: { extension: 'md', mimeType: 'text/markdown;charset=utf-8' },
  html: { extension: 'html', mimeType: 'text/html;charset=utf-8' },
  pdf: { extension: 'pdf', mimeType: 'application/pdf' },
  docx: { extension: 'docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  csv: { extension: 'csv', mimeType: 'text/csv;charset=utf-8' },
  ics: { extension: 'ics', mimeType: 'text/calendar;charset=utf-8' },
};

/** "Protokoll-Plattform-Wiederaufbau-2023-12-06.md"; action item files say so in their name. */
export function minutesFileName(minutes: Minutes, format: MinutesFormat): string {
  const kind = format === 'csv' || format === 'ics' ? minutes.texts.actions : minutes.texts.documentTitle;
  return exportFileName(kind, minutes.title, minutes.date, FORMAT_FILES[format].extension);
}

/** The minutes in one of the formats rendered here (all but PDF). */
export async function renderMinutes(minutes: Minutes, format: Exclude<MinutesFormat, 'pdf'>): Promise<string | Uint8Array<ArrayBuffer>> {
  switch (format) {
    case 'md':
      return renderMarkdown(minutes);
    case 'html':
      return renderHtml(minutes);
    case 'docx':
      return (await import('./docx')).renderDocx(minutes);
    case 'csv':
      return renderActionsCsv(minutes);
    case 'ics':
      return renderActionsIcs(minutes);
  }
}
