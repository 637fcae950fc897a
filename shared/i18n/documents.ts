import i18next, { type TFunction } from 'i18next';
import deActions from './locales/de/actions.json' with { type: 'json' };
import deAgenda from './locales/de/agenda.json' with { type: 'json' };
import deMinutesDoc from './locales/de/minutesDoc.json' with { type: 'json' };
import deMinutesFormat from './locales/de/minutesFormat.json' with { type: 'json' };
import deParkingLot from './locales/de/parkingLot.json' with { type: 'json' };
import deParticipants from './locales/de/participants.json' with { type: 'json' };
import deStakeholders from './locales/de/stakeholders.json' with { type: 'json' };
import deTables from './locales/de/tables.json' with { type: 'json' };
import deWorkshop from './locales/de/workshop.json' with { type: 'json' };
import enActions from './locales/en/actions.json' with { type: 'json' };
import enAgenda from './locales/en/agenda.json' with { type: 'json' };
import enMinutesDoc from './locales/en/minutesDoc.json' with { type: 'json' };
import enMinutesFormat from './locales/en/minutesFormat.json' with { type: 'json' };
import enParkingLot from './locales/en/parkingLot.json' with { type: 'json' };
import enParticipants from './locales/en/participants.json' with { type: 'json' };
import enStakeholders from './locales/en/stakeholders.json' with { type: 'json' };
import enTables from './locales/en/tables.json' with { type: 'json' };
import enWorkshop from './locales/en/workshop.json' with { type: 'json' };
import ukActions from './locales/uk/actions.json' with { type: 'json' };
import ukAgenda from './locales/uk/agenda.json' with { type: 'json' };
import ukMinutesDoc from './locales/uk/minutesDoc.json' with { type: 'json' };
import ukMinutesFormat from './locales/uk/minutesFormat.json' with { type: 'json' };
import ukParkingLot from './locales/uk/parkingLot.json' with { type: 'json' };
import ukParticipants from './locales/uk/participants.json' with { type: 'json' };
import ukStakeholders from './locales/uk/stakeholders.json' with { type: 'json' };
import ukTables from './locales/uk/tables.json' with { type: 'json' };
import ukWorkshop from './locales/uk/workshop.json' with { type: 'json' };

/*
 * The UI's own texts for documents written outside the UI (the minutes, in the app and from the
 * command line): an i18next instance of its own, so a document's language is chosen apart from the
 * UI's, and the same keys say the same thing on screen and on paper. Static imports, not Vite's
 * glob: this runs under tsx and Node as well. An area file the documents need is one entry of
 * DOCUMENT_AREAS (its three imports above it).
 */

export const DOCUMENT_LANGUAGES = ['de', 'en', 'uk'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

type AreaFile = Record<string, unknown>;

/** The area files the documents read, per language. */
const DOCUMENT_AREAS: ReadonlyArray<Record<DocumentLanguage, AreaFile>> = [
  { de: deMinutesDoc, en: enMinutesDoc, uk: ukMinutesDoc },
  { de: deMinutesFormat, en: enMinutesFormat, uk: ukMinutesFormat },
  { de: deAgenda, en: enAgenda, uk: ukAgenda },
  { de: deActions, en: enActions, uk: ukActions },
  { de: deStakeholders, en: enStakeholders, uk: ukStakeholders },
  { de: deTables, en: enTables, uk: ukTables },
  { de: deParkingLot, en: enParkingLot, uk: ukParkingLot },
  { de: deParticipants, en: enParticipants, uk: ukParticipants },
  { de: deWorkshop, en: enWorkshop, uk: ukWorkshop },
];

function resourcesOf(language: DocumentLanguage): AreaFile {
  const merged: AreaFile = {};
  for (const area of DOCUMENT_AREAS) Object.assign(merged, area[language]);
  return merged;
}

let instance: ReturnType<typeof i18next.createInstance> | null = null;

function documentsI18n() {
  if (instance) return instance;
  const created = i18next.createInstance();
  // initAsync false: the resources are here already, so the instance is ready when init returns.
  void created.init({
    resources: Object.fromEntries(DOCUMENT_LANGUAGES.map((language) => [language, { translation: resourcesOf(language) }])),
    lng: 'de',
    fallbackLng: false,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  instance = created;
  return created;
}

/** The texts of `language` for a document: `t('minutesDoc.present')`, `t('agenda.kind.input')`. */
export function documentT(language: DocumentLanguage): TFunction {
  return documentsI18n().getFixedT(language);
}
