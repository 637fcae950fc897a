import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { backupSizeRefusal, LANGUAGES, readBackup, type BackupError, type Language } from '../../shared/model';
import { buildMinutes, MINUTES_FORMATS, minutesFileName, renderMinutes, type MinutesFormat } from '../../shared/minutes';
import { renderMinutesPdf } from './minutes-pdf';
import { sourceFontDir } from './source-fonts';

// The minutes from the command line, for organisers who batch them:
//   npm run minutes -- FILE.plenum --format md|html|pdf|docx|csv|ics --lang de|en|uk --out PATH

export const USAGE = `Usage: npm run minutes -- FILE.plenum [--format ${MINUTES_FORMATS.join('|')}] [--lang ${LANGUAGES.join('|')}] [--out PATH] [--tz ZONE]
  FILE.plenum   a workshop backup exported by Plenum
  --format F    md (default), html, pdf, docx, csv or ics (the action items)
  --lang L      language of the minutes (default: the workshop's own)
  --out PATH    where to write (default: a name from title and date, in this folder)
  --tz ZONE     time zone of clock times, e.g. Europe/Berlin (default: the workshop's own,
                or this computer's for a workshop saved before Plenum kept it)
The PDF's font (Inter) comes from resources/fonts, or from the folder PLENUM_PDF_FONTS names.`;

export interface MinutesArgs {
  file: string;
  format: MinutesFormat;
  lang: Language | null;
  out: string | null;
  timeZone: string | undefined;
}

/** Reads the command line: the options, a request for help, or a message saying what is wrong. */
export function parseMinutesArgs(argv: readonly string[]): { ok: true; args: MinutesArgs } | { ok: true; help: true } | { ok: false; message: string } {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options: { format: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string' }, tz: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { ok: true, help: true };
  if (positionals.length !== 1) return { ok: false, message: positionals.length === 0 ? 'no backup file given' : `one backup file at a time (got ${positionals.length})` };
  const format = typeof values.format === 'string' ? values.format : 'md';
  if (!(MINUTES_FORMATS as readonly string[]).includes(format)) return { ok: false, message: `--format must be one of ${MINUTES_FORMATS.join(', ')} (got "${format}")` };
  const lang = typeof values.lang === 'string' ? values.lang : null;
  if (lang !== null && !(LANGUAGES as readonly string[]).includes(lang)) return { ok: false, message: `--lang must be one of ${LANGUAGES.join(', ')} (got "${lang}")` };
  const timeZone = typeof values.tz === 'string' ? values.tz : undefined;
  if (timeZone !== undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
    } catch {
      return { ok: false, message: `--tz is not a time zone (got "${timeZone}")` };
    }
  }
  return {
    ok: true,
    args: { file: positionals[0] ?? '', format: format as MinutesFormat, lang: lang as Language | null, out: typeof values.out === 'string' ? values.out : null, timeZone },
  };
}

const BACKUP_MESSAGES: Record<BackupError['code'], string> = {
  'backup.tooBig': 'is too big',
  'backup.notJson': 'is not a Plenum backup (not JSON)',
  'backup.archive': 'is a ZIP archive, not a Plenum backup (unpack it and use the .plenum file inside)',
  'backup.truncated': 'is cut off (truncated): the file ends in the middle',
  'backup.foreign': 'is not a Plenum backup',
  'backup.newer': 'was written by a newer Plenum',
  'backup.invalid': 'is damaged or was edited by hand',
  'backup.duplicateId': 'is damaged or was edited by hand (an id appears twice)',
  'backup.damaged': 'is damaged (or was changed after it was exported)',
};

const errorText = (error: unknown) => (error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error));

/** An English sentence for a refused backup (the CLI runs without the UI's translations). */
export function describeBackupError(file: string, error: BackupError): string {
  return `${file} ${BACKUP_MESSAGES[error.code]}: ${error.detail}`;
}

/** Runs the command; returns the exit code (0 done, 1 the file or the export failed, 2 bad arguments). */
export async function runMinutesCli(argv: readonly string[], io: { out: (line: string) => void; err: (line: string) => void } = { out: console.log, err: console.error }): Promise<number> {
  const parsed = parseMinutesArgs(argv);
  if (!parsed.ok) {
    io.err(`minutes: ${parsed.message}\n${USAGE}`);
    return 2;
  }
  if ('help' in parsed) {
    io.out(USAGE);
    return 0;
  }
  const { args } = parsed;
  let raw: string;
  try {
    // By size first: a file far too big would take seconds and gigabytes to read before it is refused.
    const tooBig = backupSizeRefusal(statSync(args.file).size);
    if (tooBig) {
      io.err(`minutes: ${describeBackupError(args.file, tooBig)}`);
      return 1;
    }
    raw = readFileSync(args.file, 'utf8');
  } catch (error) {
    io.err(`minutes: cannot read ${args.file}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const read = readBackup(raw);
  if (!read.ok) {
    io.err(`minutes: ${describeBackupError(args.file, read.error)}`);
    return 1;
  }
  // The minutes are made of the mended values: say which, as the app's import does.
  for (const repair of read.value.repairs) io.err(`minutes: note: ${args.file}: ${repair.detail}`);
  const { workshop } = read.value;
  // Making the minutes and writing them fail for different reasons: each says its own.
  let target: string;
  let data: string | Uint8Array;
  try {
    const minutes = buildMinutes(workshop, { language: args.lang ?? workshop.meta.language, timeZone: args.timeZone });
    target = args.out ?? minutesFileName(minutes, args.format);
    data = args.format === 'pdf' ? await renderMinutesPdf(minutes, { fontDir: process.env.PLENUM_PDF_FONTS || sourceFontDir() }) : await renderMinutes(minutes, args.format);
  } catch (error) {
    io.err(`minutes: cannot make the ${args.format} minutes of ${args.file}: ${errorText(error)}`);
    return 1;
  }
  try {
    writeFileSync(target, data);
  } catch (error) {
    io.err(`minutes: cannot write ${target}: ${errorText(error)}`);
    return 1;
  }
  io.out(`wrote ${target}`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runMinutesCli(process.argv.slice(2));
}
