import type { StakeholderGroup, StakeholderGroupEntry } from '../model';
import { textKey } from './text-key';

/**
 * What people write for the built-in groups in a roster file, in German, English and Ukrainian:
 * the UI's own names (shared/i18n/locales/<lang>/stakeholders.json, checked by a test) and the
 * usual synonyms.
 */
const BUILTIN_NAMES: Record<StakeholderGroup, readonly string[]> = {
  company: ['company', 'Unternehmen', 'Wirtschaft', 'Firma', 'Business', 'Companies', 'Бізнес', 'Компанія', 'Підприємство', 'Підприємства'],
  association: ['association', 'Verband', 'Verbände', 'Verein', 'Vereine', 'Verband/Verein', 'Associations', 'Асоціація', "Об'єднання", 'Спілка', 'Асоціації'],
  municipality: [
    'municipality',
    'Kommune',
    'Kommunen',
    'Gemeinde',
    'Stadt',
    'Verwaltung',
    'Kommunalverwaltung',
    'Local government',
    'Municipalities',
    'Громада',
    'Муніципалітет',
    'Місцеве самоврядування',
    'Органи місцевого самоврядування',
  ],
  civilSociety: ['civilSociety', 'Zivilgesellschaft', 'Civil society', 'NGO', 'NGOs', 'Громадянське суспільство', 'ГО', 'Громадські організації'],
  politics: ['politics', 'Politik', 'Politics', 'Policy', 'Політика', 'Політики'],
  other: ['other', 'Sonstige', 'Sonstiges', 'Andere', 'Other', 'Інше', 'Інші'],
};

const builtinByKey = new Map<string, StakeholderGroup>();
for (const [key, names] of Object.entries(BUILTIN_NAMES) as Array<[StakeholderGroup, readonly string[]]>) {
  for (const name of names) builtinByKey.set(textKey(name), key);
}

/**
 * The workshop's group a written name means, or null when the list has none of that name. A
 * built-in group the workshop removed is not matched; one it renamed matches by both names.
 */
export function matchStakeholderGroup(raw: string, groups: readonly StakeholderGroupEntry[]): string | null {
  const wanted = textKey(raw);
  if (wanted === '') return null;
  const byLabel = groups.find((group) => group.label !== '' && textKey(group.label) === wanted);
  if (byLabel) return byLabel.key;
  const builtin = builtinByKey.get(wanted);
  return builtin && groups.some((group) => group.key === builtin) ? builtin : null;
}
