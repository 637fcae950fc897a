import { describe, expect, it } from 'vitest';
import { addParticipants, participantsSnapshot, STAKEHOLDER_GROUPS, stakeholderGroupsSnapshot } from '../../shared/model';
import { guessMapping } from '../../shared/participants/csv-columns';
import { decodeCsv } from '../../shared/participants/csv-decode';
import { EXPORT_COLUMNS, rosterCsv, type ExportColumn } from '../../shared/participants/csv-export';
import { readCsvTable } from '../../shared/participants/csv-table';
import { planImport } from '../../shared/participants/import-plan';
import { matchStakeholderGroup } from '../../shared/participants/stakeholder-names';
import de from '../../shared/i18n/locales/de/participants.json';
import en from '../../shared/i18n/locales/en/participants.json';
import uk from '../../shared/i18n/locales/uk/participants.json';
import deGroups from '../../shared/i18n/locales/de/stakeholders.json';
import enGroups from '../../shared/i18n/locales/en/stakeholders.json';
import ukGroups from '../../shared/i18n/locales/uk/stakeholders.json';
import { newWorkshop } from '../support/workshop';

const LANGUAGES = [
  ['de', de.participants.export, deGroups.stakeholders, ';'],
  ['en', en.participants.export, enGroups.stakeholders, ','],
  ['uk', uk.participants.export, ukGroups.stakeholders, ';'],
] as const;

function roster() {
  const doc = newWorkshop();
  const added = addParticipants(doc, [
    { name: 'Jürgen Müller', organisation: 'Müller & Söhne; Sägewerk', stakeholderGroup: 'company', email: 'j@example.de', consent: true, attended: true },
    { name: 'Олена Коваленко', organisation: 'ГО «Відкрите місто»\nЛьвів', stakeholderGroup: 'civilSociety', email: '', consent: false },
    { name: '=HYPERLINK("http://evil")', organisation: '+49 30 1234', stakeholderGroup: '', email: '', consent: false },
  ]);
  if (!added.ok) throw new Error(added.error.code);
  return doc;
}

describe('the exported roster', () => {
  for (const [language, texts, groupNames, delimiter] of LANGUAGES) {
    it(`in ${language} reads back into the same participants, headers and group names recognised`, () => {
      const doc = roster();
      const people = participantsSnapshot(doc);
      const csv = rosterCsv(people, {
        headers: texts.header as Record<ExportColumn, string>,
        yes: texts.yes,
        no: texts.no,
        groupName: (key) => (groupNames as Record<string, string>)[key] ?? key,
        tableName: () => '',
        delimiter,
      });
      const bytes = new TextEncoder().encode(csv);
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const read = readCsvTable(decodeCsv(bytes).text);
      if (!read.ok) throw new Error(read.error.code);
      const mapping = guessMapping(read.table.header);
      expect(mapping).toEqual(['name', 'organisation', 'stakeholderGroup', 'email', 'consent', 'attended', 'ignore']);
      const plan = planImport(read.table, mapping, stakeholderGroupsSnapshot(doc));
      expect(plan.problems).toEqual([]);
      expect(plan.newGroups).toEqual([]);
      expect(plan.participants).toEqual(people.map(({ name, organisation, stakeholderGroup, email, consent, attended }) => ({ name, organisation, stakeholderGroup, email, consent, attended })));
    });
  }

  it('puts an apostrophe before cells a spreadsheet would run as formulas', () => {
    const people = participantsSnapshot(roster());
    const csv = rosterCsv(people, {
      headers: Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, c])) as Record<ExportColumn, string>,
      yes: 'yes',
      no: 'no',
      groupName: (key) => key,
      tableName: () => '',
      delimiter: ',',
    });
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")",'+49 30 1234`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it("recognises the UI's name of every built-in group in every language", () => {
    const groups = stakeholderGroupsSnapshot(newWorkshop());
    for (const names of [deGroups.stakeholders, enGroups.stakeholders, ukGroups.stakeholders]) {
      for (const key of STAKEHOLDER_GROUPS) expect(matchStakeholderGroup((names as Record<string, string>)[key] ?? '', groups)).toBe(key);
    }
  });
});
