import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../shared/minutes/docx';
import { contentColumnWidths } from '../../shared/minutes/column-widths';
import { TEXT_WIDTH } from '../../shared/minutes/docx-layout';
import { seedDayMinutes } from '../support/seed-day';

/* The DOCX minutes as Word reads them: the package's XML parts, not the text mammoth extracts. */

async function parts(language: 'de' | 'en' | 'uk', moderator = 'Dr. Maria Beispiel') {
  const zip = await JSZip.loadAsync(await renderDocx({ ...seedDayMinutes(language), moderator }));
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const footers = await Promise.all(Object.keys(zip.files).filter((name) => /^word\/footer\d*\.xml$/.test(name)).map(read));
  return { styles: await read('word/styles.xml'), document: await read('word/document.xml'), core: await read('docProps/core.xml'), settings: await read('word/settings.xml'), footers };
}

describe('the DOCX minutes as a document', () => {
  it.each([
    ['de', 'de-DE', 'Seite'],
    ['en', 'en-GB', 'Page'],
    ['uk', 'uk-UA', 'Сторінка'],
  ] as const)('(%s) are in the minutes language, with numbered pages and their author', async (language, tag, page) => {
    const { styles, core, footers } = await parts(language);
    // The default run properties carry the language, so every paragraph is spell-checked in it.
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    expect(defaults).toContain(`<w:lang w:val="${tag}"/>`);
    expect(styles).not.toMatch(new RegExp(`w:lang w:val="(?!${tag})`));

    const footer = footers.find((xml) => /PAGE\b/.test(xml)) ?? '';
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>|w:instr="\s*PAGE\s*"/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>|w:instr="\s*NUMPAGES\s*"/);
    expect(footer).toContain(page);

    expect(core).toMatch(/<dc:title>[^<]+: Themenkreis[^<]*<\/dc:title>/);
    expect(core).toContain('<dc:creator>Dr. Maria Beispiel</dc:creator>');
    expect(core).not.toContain('Un-named');
  });

  it('hyphenate long words in their language (the action items\' narrow columns broke "Versicherungsverband" at any letter), not capitals', async () => {
    const { settings } = await parts('de');
    expect(settings).toMatch(/<w:autoHyphenation(?: w:val="(?:true|1|on)")?\/>/);
    expect(settings).toMatch(/<w:doNotHyphenateCaps(?: w:val="(?:true|1|on)")?\/>/);
  });

  it('name the app as author when the workshop has no moderator', async () => {
    expect((await parts('de', '')).core).toContain('<dc:creator>Plenum</dc:creator>');
  });

  it('size the action table columns to their content', async () => {
    const { document } = await parts('de');
    const grid = /<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/.exec(document)?.[1] ?? '';
    const widths = [...grid.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((match) => Number(match[1]));
    // Nr., Was, Wer, Organisation, Bis wann, Status
    expect(widths).toHaveLength(6);
    expect(new Set(widths).size).toBeGreaterThan(1);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBe(TEXT_WIDTH);
  });

  it('give every column room for its longest word, the longer texts the rest', () => {
    const header = ['Was', 'Verantwortlich', 'Bis wann', 'Status', 'Quelle'];
    const rows = [['Kriegsrisikoversicherung für Exporte in die Ukraine prüfen und den Verbänden einen Vorschlag machen', 'Anna', '31.01.2024', 'offen', 'Tisch 2']];
    const widths = contentColumnWidths(header, rows, TEXT_WIDTH);
    const [what = 0, owner = 0, due = 0] = widths;
    // "Kriegsrisikoversicherung" (24 letters) and "Verantwortlich" (14, bold) whole on one line.
    expect(what).toBeGreaterThan(24 * 95);
    expect(owner).toBeGreaterThan(14 * 105);
    expect(what).toBeGreaterThan(owner);
    expect(due).toBeLessThan(owner);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBe(TEXT_WIDTH);
  });
});

describe('names in the DOCX minutes are not hyphenated', () => {
  /** The paragraphs (w:p) of the actions table, by row: each row's cells' paragraphs, in order. */
  const actionRows = (document: string) => {
    const tables = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((match) => match[0]);
    const table = tables.at(-1) ?? '';
    return [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => cell[0]));
  };

  it("the action items' owners and organisations: their cells are never hyphenated, their runs in no language", async () => {
    const { document, settings } = await parts('de');
    // Hyphenation stays on for the rest (long compounds in the other columns).
    expect(settings).toContain('<w:autoHyphenation/>');
    const [, ...rows] = actionRows(document);
    expect(rows.length).toBeGreaterThan(3);
    const kovalenko = rows.find((cells) => cells[2]?.includes('Olena Kovalenko'));
    expect(kovalenko?.[3]).toContain('Ukrainische Handelskammer');
    for (const cells of rows) {
      for (const name of [cells[2] ?? '', cells[3] ?? '']) {
        // Word's "Don't hyphenate", before the spacing as the schema orders a paragraph's properties.
        expect(name).toMatch(/<w:pPr><w:suppressAutoHyphens\/><w:spacing /);
        expect(name).toContain('<w:lang w:val="zxx"/>');
        expect(name).toContain('<w:noProof/>');
      }
      for (const text of [cells[1] ?? '', cells[4] ?? '']) {
        expect(text).not.toContain('suppressAutoHyphens');
        expect(text).not.toContain('zxx');
      }
    }
  });

  it("the columns of names are at least as wide as their longest word in the wide fallback font, and a date's too", () => {
    const header = ['Nr.', 'Was', 'Wer', 'Organisation', 'Bis wann', 'Status'];
    const rows = [
      ['3', 'Workshop Kriegsrisikoversicherung: Versicherer und Verbände einladen', 'Katrin Schäfer', 'GDV Versicherungsverband', '15.02.2024', 'Offen'],
      ['4', 'Praxisbeispiele kommunaler Partnerschaften sammeln', 'eine teilnehmende Person', 'Sekretariat der Plattform', '31.01.2024', 'Erledigt'],
    ];
    const widths = contentColumnWidths(header, rows, TEXT_WIDTH, [2, 3]);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBe(TEXT_WIDTH);
    // 118 twips a character in DejaVu Sans (docx-layout.ts), plus the cell's padding.
    expect(widths[3]).toBeGreaterThanOrEqual('Versicherungsverband'.length * 118 + 216);
    expect(widths[2]).toBeGreaterThanOrEqual('teilnehmende'.length * 118 + 216);
    expect(widths[4]).toBeGreaterThanOrEqual('15.02.2024'.length * 118 + 216);
  });

  it('a date keeps its room in the wide font when a long name could not get all of its own', () => {
    const header = ['Nr.', 'Was', 'Wer', 'Organisation', 'Bis wann', 'Status'];
    // Whole in Calibri, both names fit; in the wide font the organisation's does not, and the date must not pay for it.
    const rows = [['1', 'Netz prüfen', 'Nychyporuk-Kostiantynova', 'Wiederaufbaugenossenschaft', '19.01.2024', 'Offen']];
    const widths = contentColumnWidths(header, rows, TEXT_WIDTH, [2, 3]);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBe(TEXT_WIDTH);
    expect(widths[4]).toBeGreaterThanOrEqual('19.01.2024'.length * 118 + 216);
  });

  it('a name too long for the page takes its room from the widest columns, not from the date and the status', () => {
    const header = ['Nr.', 'Was', 'Wer', 'Organisation', 'Bis wann', 'Status'];
    const rows = [['1', 'Netz prüfen', 'Анна-Марія Костянтинопольська-Ничипорук-Шевчук', 'Donaudampfschifffahrtsgesellschaftskapitänsvereinigung', '19.01.2024', 'Erledigt']];
    const widths = contentColumnWidths(header, rows, TEXT_WIDTH, [2, 3]);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBe(TEXT_WIDTH);
    // The date, the status and the number keep their longest word whole in Calibri (95 twips a character, docx-layout.ts).
    expect(widths[4]).toBeGreaterThanOrEqual('19.01.2024'.length * 95);
    expect(widths[5]).toBeGreaterThanOrEqual('Erledigt'.length * 95);
    expect(widths[0]).toBeGreaterThanOrEqual('Nr.'.length * 95);
    // The two columns of overlong names share what is left, cut to one width.
    expect(Math.abs((widths[2] ?? 0) - (widths[3] ?? 0))).toBeLessThanOrEqual(1);
  });

  it('nor are the names of the authors of cards, nor the lists of who was there', async () => {
    const { document } = await parts('de');
    // "von Anna Becker": the name in a run of its own, in no language.
    expect(document).toMatch(/>von <\/w:t><\/w:r><w:r><w:rPr>(?:(?!<\/w:rPr>).)*<w:lang w:val="zxx"\/>(?:(?!<\/w:rPr>).)*<\/w:rPr><w:t xml:space="preserve">Anna Becker<\/w:t><\/w:r>/);
    const present = /<w:p>(?:(?!<\/w:p>).)*Anwesend(?:(?!<\/w:p>).)*<\/w:p>/.exec(document)?.[0] ?? '';
    expect(present).toContain('<w:suppressAutoHyphens/>');
  });
});
