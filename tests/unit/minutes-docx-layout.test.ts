import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../shared/minutes/docx';
import { contentColumnWidths, TEXT_WIDTH } from '../../shared/minutes/docx-layout';
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
    const widths = contentColumnWidths(header, rows);
    const [what = 0, owner = 0, due = 0] = widths;
    // "Kriegsrisikoversicherung" (24 letters) and "Verantwortlich" (14, bold) whole on one line.
    expect(what).toBeGreaterThan(24 * 95);
    expect(owner).toBeGreaterThan(14 * 105);
    expect(what).toBeGreaterThan(owner);
    expect(due).toBeLessThan(owner);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBe(TEXT_WIDTH);
  });
});
