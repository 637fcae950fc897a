import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import deActions from '../../shared/i18n/locales/de/actions.json';
import deAgenda from '../../shared/i18n/locales/de/agenda.json';
import deLanguage from '../../shared/i18n/locales/de/language.json';
import dePhone from '../../shared/i18n/locales/de/phone.json';
import deRun from '../../shared/i18n/locales/de/run.json';
import deVotes from '../../shared/i18n/locales/de/votes.json';
import enActions from '../../shared/i18n/locales/en/actions.json';
import enAgenda from '../../shared/i18n/locales/en/agenda.json';
import enLanguage from '../../shared/i18n/locales/en/language.json';
import enPhone from '../../shared/i18n/locales/en/phone.json';
import enRun from '../../shared/i18n/locales/en/run.json';
import enVotes from '../../shared/i18n/locales/en/votes.json';
import ukActions from '../../shared/i18n/locales/uk/actions.json';
import ukAgenda from '../../shared/i18n/locales/uk/agenda.json';
import ukLanguage from '../../shared/i18n/locales/uk/language.json';
import ukPhone from '../../shared/i18n/locales/uk/phone.json';
import ukRun from '../../shared/i18n/locales/uk/run.json';
import ukVotes from '../../shared/i18n/locales/uk/votes.json';

/*
 * The page's texts: its own area (phone) and the few words it shares with the app (the agenda's
 * kinds, the run's clock, the dots, the action items' statuses), so a phone and the projector say
 * the same thing. Only these areas: the app's whole resources would weigh on every phone.
 */

export const PHONE_LANGUAGES = ['de', 'en', 'uk'] as const;
export type PhoneLanguage = (typeof PHONE_LANGUAGES)[number];

const resources = {
  de: { translation: { ...dePhone, ...deLanguage, ...deRun, ...deVotes, ...deActions, ...deAgenda } },
  en: { translation: { ...enPhone, ...enLanguage, ...enRun, ...enVotes, ...enActions, ...enAgenda } },
  uk: { translation: { ...ukPhone, ...ukLanguage, ...ukRun, ...ukVotes, ...ukActions, ...ukAgenda } },
};

/** Not the app's key: the page lives on the host's origin, and a phone may have picked another language than the laptop. */
const STORAGE_KEY = 'plenum.phone.language';

const isLanguage = (value: string | null): value is PhoneLanguage => value !== null && (PHONE_LANGUAGES as readonly string[]).includes(value);

/** Storage may be refused (private mode, a full disk): the page works without remembering. */
function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The phone's own language if we speak it: the first of its list that we do. */
function phoneLanguage(): PhoneLanguage | null {
  for (const tag of navigator.languages.length > 0 ? navigator.languages : [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return null;
}

/** The language picked last time on this phone, else the phone's own if we speak it, else German. */
export function initialLanguage(): PhoneLanguage {
  const saved = stored();
  if (isLanguage(saved)) return saved;
  return phoneLanguage() ?? 'de';
}

/**
 * The workshop's language for a phone that speaks none of ours and picked none: a French phone
 * at a Ukrainian workshop reads Ukrainian, as the room does. Not kept: it is not the person's choice.
 */
export async function followWorkshopLanguage(language: string): Promise<void> {
  if (isLanguage(stored()) || phoneLanguage() !== null || !isLanguage(language) || i18next.language === language) return;
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  document.title = i18next.t('phone.page.title');
}

export async function setupPhoneI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: initialLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
}

export async function changePhoneLanguage(language: PhoneLanguage): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, still switched.
  }
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  document.title = i18next.t('phone.page.title');
}
