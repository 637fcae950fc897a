import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { addParticipants, participantsSnapshot, stakeholderGroupsSnapshot, type StakeholderGroupEntry } from '../../shared/model';
import { guessMapping, mappingProblems } from '../../shared/participants/csv-columns';
import { decodeCsv, detectEncoding } from '../../shared/participants/csv-decode';
import { readCsvTable, type CsvTable } from '../../shared/participants/csv-table';
import { planImport } from '../../shared/participants/import-plan';
import { germanRoster, rosterBytes, rosterText, ukrainianRoster, type FixtureEncoding, type RosterFixture } from '../fixtures/csv/rosters';
import { newWorkshop } from '../support/workshop';

const BUILTIN_GROUPS: StakeholderGroupEntry[] = stakeholderGroupsSnapshot(newWorkshop());

function table(text: string): CsvTable {
  const read = readCsvTable(text);
  if (!read.ok) throw new Error(`unreadable: ${JSON.stringify(read.error)}`);
  return read.table;
}

function importFile(bytes: Uint8Array) {
  const decoded = decodeCsv(bytes);
  const csv = table(decoded.text);
  return { decoded, csv, plan: planImport(csv, guessMapping(csv.header), BUILTIN_GROUPS) };
}

describe('reading roster files in every encoding and with either separator', () => {
  const cases: Array<[string, RosterFixture, FixtureEncoding]> = [];
  for (const [label, roster] of [['German', germanRoster], ['Ukrainian', ukrainianRoster]] as const) {
    for (const encoding of ['utf-8', 'utf-8-bom', roster.legacyEncoding] as const) cases.push([label, roster, encoding]);
  }

  for (const [label, roster, encoding] of cases) {
    for (const delimiter of [',', ';'] as const) {
      it(`reads the ${label} names from ${encoding} with "${delimiter}", quoted separators and line breaks intact`, () => {
        const bytes = rosterBytes(rosterText(roster, delimiter), encoding);
        const { decoded, csv, plan } = importFile(bytes);
        expect(decoded.encoding).toBe(encoding === 'utf-8-bom' ? 'utf-8' : encoding);
        expect(csv.delimiter).toBe(delimiter);
        expect(csv.header).toEqual(roster.header);
        expect(plan.problems).toEqual([]);
        expect(plan.mappingProblems).toEqual([]);
        const names = roster === germanRoster ? roster.rows.map((r) => `${r[0]} ${r[1]}`) : roster.rows.map((r) => r[0]);
        expect(plan.participants.map((p) => p.name)).toEqual(names);
        expect(plan.participants.map((p) => p.organisation)).toEqual(roster.rows.map((r) => r[roster === germanRoster ? 2 : 1]));
      });
    }
  }

  it('maps German group names, yes/no words and empty cells', () => {
    const { plan } = importFile(rosterBytes(rosterText(germanRoster, ';'), 'windows-1252'));
    expect(plan.participants[0]).toEqual({
      name: 'Jürgen Müller',
      organisation: 'Müller & Söhne; Sägewerk',
      stakeholderGroup: 'company',
      email: 'juergen.mueller@example.de',
      consent: true,
      attended: false,
    });
    expect(plan.participants.map((p) => [p.stakeholderGroup, p.consent])).toEqual([
      ['company', true],
      ['civilSociety', false],
      ['municipality', true],
      ['politics', false],
      ['association', true],
    ]);
    expect(plan.newGroups).toEqual([]);
  });

  it('maps Ukrainian group names and так/ні', () => {
    const { plan } = importFile(rosterBytes(rosterText(ukrainianRoster, ','), 'windows-1251'));
    expect(plan.participants.map((p) => [p.stakeholderGroup, p.consent])).toEqual([
      ['municipality', true],
      ['company', false],
      ['civilSociety', true],
      ['politics', false],
    ]);
  });

  it('tells Windows-1252 umlauts from Windows-1251 Cyrillic even in a short file', () => {
    expect(detectEncoding(rosterBytes('Name\r\nMüller\r\n', 'windows-1252'))).toBe('windows-1252');
    expect(detectEncoding(rosterBytes('Name\r\nЇжак\r\n', 'windows-1251'))).toBe('windows-1251');
    expect(detectEncoding(rosterBytes('Name\r\nStraße Ärger Öl\r\n', 'windows-1252'))).toBe('windows-1252');
    // Two umlauts side by side are still German; Cyrillic words are longer runs.
    expect(detectEncoding(rosterBytes('Name\r\nJürgen Müßig\r\n', 'windows-1252'))).toBe('windows-1252');
    expect(detectEncoding(rosterBytes('Name;Група\r\nІрина Їжак;ГО\r\n', 'windows-1251'))).toBe('windows-1251');
  });

  it('reads Excel\'s "Unicode text": UTF-16 with a byte-order mark, separated by tabs', () => {
    const text = rosterText(ukrainianRoster, ';').replace(/;/g, '\t');
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]);
    const { decoded, csv, plan } = importFile(bytes);
    expect(decoded.encoding).toBe('utf-16le');
    expect(csv.delimiter).toBe('\t');
    expect(plan.participants.map((p) => p.name)).toEqual(ukrainianRoster.rows.map((r) => r[0]));
  });

  it('reads UTF-16 in either byte order, with or without a byte-order mark, Cyrillic and German names alike', () => {
    const ukrainian = rosterText(ukrainianRoster, ';');
    const german = 'Name;Organisation\r\nJürgen Müßig;Stadtwerke\r\nÄnne Öz;ГО «Світло»\r\n';
    for (const text of [ukrainian, german, 'Name\r\nІрина Їжак\r\nОлександра Коваленко-Шевчук\r\n']) {
      for (const order of ['utf-16le', 'utf-16be'] as const) {
        const body = [...iconv.encode(text, order)];
        const mark = order === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
        for (const bytes of [new Uint8Array(body), new Uint8Array([...mark, ...body])]) {
          const decoded = decodeCsv(bytes);
          expect(decoded.encoding).toBe(order);
          expect(decoded.text).toBe(text);
        }
      }
    }
    // No zero bytes, no UTF-16: the single-byte and UTF-8 guesses stand.
    expect(detectEncoding(rosterBytes('Name\r\nMüller\r\n', 'windows-1252'))).toBe('windows-1252');
    expect(detectEncoding(new TextEncoder().encode('Name\r\nІрина\r\n'))).toBe('utf-8');
  });

  it('reads an Outlook contacts export and a Google Contacts export', () => {
    const outlook = table('First Name,Middle Name,Last Name,Company,E-mail Address,E-mail 2 Address\r\nAda,,Lovelace,Engines Ltd,ada@example.org,\r\n');
    expect(guessMapping(outlook.header)).toEqual(['firstName', 'ignore', 'lastName', 'organisation', 'email', 'ignore']);
    expect(planImport(outlook, guessMapping(outlook.header), BUILTIN_GROUPS).participants).toMatchObject([
      { name: 'Ada Lovelace', organisation: 'Engines Ltd', email: 'ada@example.org' },
    ]);
    const google = table('Name,Given Name,Family Name,E-mail 1 - Value,Organization 1 - Name\r\nAda Lovelace,Ada,Lovelace,ada@example.org,Engines\r\n');
    expect(guessMapping(google.header)).toEqual(['name', 'firstName', 'lastName', 'email', 'organisation']);
  });

  it('reads a German form\'s "Name" next to "Vorname" as the surname', () => {
    const form = table('Name;Vorname;Organisation\r\nMüller;Jürgen;Stadtwerke\r\n');
    const mapping = guessMapping(form.header);
    expect(mapping).toEqual(['lastName', 'firstName', 'organisation']);
    expect(planImport(form, mapping, BUILTIN_GROUPS).participants[0]?.name).toBe('Jürgen Müller');
  });

  it('takes the apostrophe off a cell a spreadsheet protected from running as a formula', () => {
    expect(table("Name\r\n'=Ada\r\n").rows[0]?.cells).toEqual(['=Ada']);
  });

  it('skips the "sep=;" line Excel writes first and splits by the separator it names', () => {
    const { decoded, csv, plan } = importFile(rosterBytes('sep=;\r\nName;Organisation;E-Mail\r\nJürgen Müller;Stadtwerke Süd;jm@example.org\r\nAda Lovelace;"Engines; Ltd";\r\n', 'windows-1252'));
    expect(decoded.encoding).toBe('windows-1252');
    expect(csv.header).toEqual(['Name', 'Organisation', 'E-Mail']);
    expect(csv.delimiter).toBe(';');
    // Lines of the file: the "sep=" line is its first, the header its second.
    expect(csv.rows.map((row) => row.line)).toEqual([3, 4]);
    expect(plan.problems).toEqual([]);
    expect(plan.participants).toMatchObject([
      { name: 'Jürgen Müller', organisation: 'Stadtwerke Süd', email: 'jm@example.org' },
      { name: 'Ada Lovelace', organisation: 'Engines; Ltd' },
    ]);
    // The named separator wins over the header's count; quoted, with a mark, or as the only line.
    expect(table('\uFEFF"sep=,"\nName,Notiz;mit;Semikolons\nAda,x;y;z\n')).toMatchObject({ header: ['Name', 'Notiz;mit;Semikolons'], delimiter: ',', rows: [{ line: 3, cells: ['Ada', 'x;y;z'] }] });
    expect(table('SEP=\t\nName\tFirma\nAda\tEngines\n').rows[0]?.cells).toEqual(['Ada', 'Engines']);
    expect(readCsvTable('sep=;\r\n')).toEqual({ ok: false, error: { code: 'empty' } });
    // A first column named "sep=…" with more on its line is a header, not the separator line.
    expect(table('sep=x;Name\r\n1;Ada\r\n').header).toEqual(['sep=x', 'Name']);
  });

  it('refuses text whose quotes never close, naming the line', () => {
    expect(readCsvTable('Name;Firma\r\nAda;"Engines\r\nBob;Smith\r\n')).toEqual({ ok: false, error: { code: 'unreadable', line: 2 } });
    expect(readCsvTable('\r\n  \r\n')).toEqual({ ok: false, error: { code: 'empty' } });
  });
});

describe('bad roster files import nothing and say why', () => {
  it('names the missing name column and plans no participant', () => {
    const csv = table('Firma;E-Mail\r\nStadtwerke;a@example.de\r\n');
    const mapping = guessMapping(csv.header);
    expect(mappingProblems(mapping)).toEqual([{ code: 'noName' }]);
    const plan = planImport(csv, mapping, BUILTIN_GROUPS);
    expect(plan).toMatchObject({ participants: [], newGroups: [], mappingProblems: [{ code: 'noName' }], rowCount: 1 });
  });

  it('refuses a column mapped twice', () => {
    expect(mappingProblems(['name', 'email', 'email'])).toEqual([{ code: 'twice', field: 'email' }]);
  });

  it('lists every bad row with its line and plans nothing when one row is bad', () => {
    const csv = table(
      'Name;E-Mail;Einwilligung\r\nAda;ada@example.org;ja\r\n"Bob\r\nBobson";not-an-email;ja\r\n;c@example.org;nein\r\nDora;d@example.org;vielleicht\r\nEve;e@example.org\r\n\u200b;z@example.org;ja\r\n',
    );
    const plan = planImport(csv, guessMapping(csv.header), BUILTIN_GROUPS);
    expect(plan.participants).toEqual([]);
    expect(plan.problems).toEqual([
      { line: 3, code: 'emailInvalid', field: 'email', value: 'not-an-email' },
      { line: 5, code: 'nameMissing', field: 'name', value: '' },
      { line: 6, code: 'yesNoInvalid', field: 'consent', value: 'vielleicht' },
      { line: 7, code: 'fieldCount', expected: 3, found: 2 },
      { line: 8, code: 'nameMissing', field: 'name', value: '\u200b' },
    ]);
  });

  it('accepts trailing empty cells a spreadsheet adds, and refuses extra cells with content', () => {
    const csv = table('Name,Organisation\r\nAda,Engines,,\r\nBob,Smiths,oops\r\n');
    expect(planImport(csv, guessMapping(csv.header), BUILTIN_GROUPS).problems).toEqual([{ line: 3, code: 'fieldCount', expected: 2, found: 3 }]);
  });
});

describe('stakeholder groups the workshop lacks', () => {
  it('are planned as new groups once, whatever their case, and added with the import in one step', () => {
    const doc = newWorkshop();
    const csv = table('Name;Gruppe\r\nAda;Wissenschaft\r\nBob;wissenschaft\r\nCleo;Politik\r\n');
    const plan = planImport(csv, guessMapping(csv.header), stakeholderGroupsSnapshot(doc));
    expect(plan.newGroups).toEqual(['Wissenschaft']);
    const added = addParticipants(doc, plan.participants, plan.newGroups);
    expect(added.ok).toBe(true);
    const science = stakeholderGroupsSnapshot(doc).find((group) => group.label === 'Wissenschaft');
    expect(science).toMatchObject({ builtin: false });
    expect(participantsSnapshot(doc).map((p) => [p.name, p.stakeholderGroup])).toEqual([
      ['Ada', science?.key],
      ['Bob', science?.key],
      ['Cleo', 'politics'],
    ]);
  });

  it('match a built-in group by the name the workshop gave it, and not one it removed', () => {
    const groups: StakeholderGroupEntry[] = [
      { key: 'company', label: 'Wirtschaftsbetriebe', builtin: true },
      { key: 'other', label: '', builtin: true },
    ];
    const csv = table('Name;Gruppe\r\nAda;Wirtschaftsbetriebe\r\nBob;Unternehmen\r\nCleo;Politik\r\n');
    const plan = planImport(csv, guessMapping(csv.header), groups);
    expect(plan.participants.map((p) => p.stakeholderGroup)).toEqual(['company', 'company', 'Politik']);
    expect(plan.newGroups).toEqual(['Politik']);
  });
});

describe('groups filed under another name', () => {
  it('are counted per spelling and group, in file order, so the summary can say "2 × Wirtschaft → Unternehmen"', () => {
    const csv = table('Name;Gruppe\r\nAda;Wirtschaft\r\nBob;wirtschaft\r\nCleo;Unternehmen\r\nDora;NGO\r\nEmil;Wissenschaft\r\nFritz;\r\n');
    const plan = planImport(csv, guessMapping(csv.header), BUILTIN_GROUPS);
    expect(plan.groupMatches).toEqual([
      { written: 'Wirtschaft', key: 'company', count: 2 },
      // A built-in group's shown name depends on the UI language: "Unternehmen" is listed, the UI drops it where it is the name.
      { written: 'Unternehmen', key: 'company', count: 1 },
      { written: 'NGO', key: 'civilSociety', count: 1 },
    ]);
    expect(plan.newGroups).toEqual(['Wissenschaft']);
  });

  it('leave out a name that is the group’s own label, and are empty when the file is refused', () => {
    const groups: StakeholderGroupEntry[] = [{ key: 'company', label: 'Wirtschaftsbetriebe', builtin: true }];
    const csv = table('Name;Gruppe\r\nAda;wirtschaftsbetriebe\r\nBob;Unternehmen\r\n');
    expect(planImport(csv, guessMapping(csv.header), groups).groupMatches).toEqual([{ written: 'Unternehmen', key: 'company', count: 1 }]);
    const refused = table('Name;Gruppe;E-Mail\r\nAda;Wirtschaft;kaputt\r\n');
    expect(planImport(refused, guessMapping(refused.header), BUILTIN_GROUPS).groupMatches).toEqual([]);
  });
});

describe('importing a list again', () => {
  it('leaves out people already on the list (by email, else by name and organisation) and people twice in the file', () => {
    const csv = table(
      'Name;Organisation;E-Mail\r\nAda Lovelace;Engines;ADA@example.org\r\nBob;Smiths;\r\nCleo;Smiths;\r\nBob;Smiths;\r\nDora;;dora@example.org\r\n',
    );
    const existing = [
      { name: 'Ada L.', organisation: 'Elsewhere', email: 'ada@example.org' },
      { name: 'bob', organisation: 'SMITHS', email: '' },
    ];
    const plan = planImport(csv, guessMapping(csv.header), BUILTIN_GROUPS, existing);
    expect(plan.participants.map((p) => p.name)).toEqual(['Cleo', 'Dora']);
    expect(plan.skipped).toEqual([2, 3, 5]);
  });
});
