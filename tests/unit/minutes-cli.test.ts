import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMinutesArgs } from '../../electron/services/minutes-cli';
import { BACKUP_MAX_MB } from '../../shared/model';
import { SEED_DAY_PATH, SEED_DAY_V1_PATH } from '../support/seed-day';

/** `npm run minutes` as an organiser runs it: a separate Node process through tsx. */
function minutes(...args: string[]) {
  return minutesWith({}, ...args);
}

function minutesWith(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/services/minutes-cli.ts', ...args], { encoding: 'utf8', timeout: 90_000, env: { ...process.env, ...env } });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'plenum-minutes-cli-'));

describe('npm run minutes', () => {
  it('writes each text format of the seed day, in the language asked for', () => {
    const cases = [
      ['md', 'en', '# Minutes: Themenkreis'],
      ['html', 'uk', '<html lang="uk">'],
      ['csv', 'de', '\uFEFFNr.;Was;Wer;Organisation'],
      ['ics', 'de', 'BEGIN:VCALENDAR\r\n'],
    ] as const;
    for (const [format, lang, start] of cases) {
      const out = join(dir, `seed.${format}`);
      const run = minutes(SEED_DAY_PATH, '--format', format, '--lang', lang, '--out', out, '--tz', 'Europe/Berlin');
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      expect(run.out).toContain(`wrote ${out}`);
      expect(readFileSync(out, 'utf8')).toContain(start);
    }
  }, 120_000);

  it('writes DOCX and PDF', () => {
    const docx = join(dir, 'seed.docx');
    expect(minutes(SEED_DAY_PATH, '--format', 'docx', '--out', docx).code).toBe(0);
    expect(readFileSync(docx).subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = join(dir, 'seed.pdf');
    const run = minutes(SEED_DAY_PATH, '--format', 'pdf', '--out', pdf);
    expect(run.err).toBe('');
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);

  it('exits with 1 and says what is wrong with a bad file, writing nothing', () => {
    // The earlier file has no checksum: each fault is named for what it is, not as damage.
    const good = readFileSync(SEED_DAY_V1_PATH, 'utf8');
    const files = {
      truncated: [good.slice(0, 4000), 'is cut off (truncated)'],
      newer: [good.replace('"schemaVersion": 1,', '"schemaVersion": 7,'), 'was written by a newer Plenum: schema version 7'],
      edited: [good.replace('"consent": true', '"consent": "ja"'), 'is damaged or was edited by hand: workshop.participants[0].consent'],
      foreign: ['{"hello": "world"}', 'is not a Plenum backup'],
    } as const;
    for (const [name, [text, message]] of Object.entries(files)) {
      const file = join(dir, `${name}.plenum`);
      const out = join(dir, `${name}.md`);
      writeFileSync(file, text);
      const run = minutes(file, '--out', out);
      expect(run.code, name).toBe(1);
      expect(run.err).toContain(message);
      expect(() => readFileSync(out)).toThrow();
    }
    const missing = minutes(join(dir, 'nowhere.plenum'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('cannot read');
  }, 120_000);

  it('makes the minutes of a file with a value it mends, and notes on stderr what it changed', () => {
    const file = JSON.parse(readFileSync(SEED_DAY_PATH, 'utf8')) as { checksum?: string; workshop: { meta: { startTime: string } } };
    delete file.checksum;
    file.workshop.meta.startTime = '25:99';
    const mended = join(dir, 'mended.plenum');
    writeFileSync(mended, JSON.stringify(file));
    const run = minutes(mended, '--format', 'md', '--out', join(dir, 'mended.md'));
    expect(run.code).toBe(0);
    expect(run.err).toContain('minutes: note: ');
    expect(run.err).toContain('workshop.meta.startTime: "25:99" is not a time of day (HH:MM); left empty');
  });

  it('refuses a file over the size limit by its size, before reading it', () => {
    // Sparse: 230 MB on paper, no disk space, and nothing in it to parse.
    const file = join(dir, 'riesig.plenum');
    writeFileSync(file, '');
    truncateSync(file, 230 * 1024 * 1024);
    const out = join(dir, 'riesig.md');
    const run = minutes(file, '--out', out);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`riesig.plenum is too big: 230 MB, the limit is ${BACKUP_MAX_MB} MB`);
    expect(() => readFileSync(out)).toThrow();
  }, 60_000);

  it('says the minutes could not be made when making them fails, and names the write only when writing fails', () => {
    const pdf = join(dir, 'ohne-schrift.pdf');
    const noFont = minutesWith({ PLENUM_PDF_FONTS: join(dir, 'no-fonts-here') }, SEED_DAY_PATH, '--format', 'pdf', '--out', pdf);
    expect(noFont.code).toBe(1);
    expect(noFont.err).toContain(`cannot make the pdf minutes of ${SEED_DAY_PATH}: the PDF's font is missing`);
    expect(noFont.err).not.toContain('cannot write');
    expect(() => readFileSync(pdf)).toThrow();
    const nowhere = join(dir, 'no-such-folder', 'seed.md');
    const unwritable = minutes(SEED_DAY_PATH, '--out', nowhere);
    expect(unwritable.code).toBe(1);
    expect(unwritable.err).toContain(`cannot write ${nowhere}`);
  }, 60_000);

  it('exits with 2 on bad arguments, with the usage', () => {
    const run = minutes(SEED_DAY_PATH, '--format', 'odt');
    expect(run.code).toBe(2);
    expect(run.err).toContain('--format must be one of md, html, pdf, docx, csv, ics (got "odt")');
    expect(run.err).toContain('Usage: npm run minutes');
  }, 60_000);
});

describe('the minutes command line', () => {
  it.each([
    [[], 'no backup file given'],
    [['a.plenum', 'b.plenum'], 'one backup file at a time'],
    [['a.plenum', '--lang', 'fr'], '--lang must be one of de, en, uk'],
    [['a.plenum', '--tz', 'Mars/Olympus'], '--tz is not a time zone'],
    [['a.plenum', '--colour', 'red'], "Unknown option '--colour'"],
  ])('refuses %j', (argv, message) => {
    const parsed = parseMinutesArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });

  it('defaults to Markdown in the workshop\'s language', () => {
    expect(parseMinutesArgs(['x.plenum'])).toEqual({ ok: true, args: { file: 'x.plenum', format: 'md', lang: null, out: null, timeZone: undefined } });
  });
});
