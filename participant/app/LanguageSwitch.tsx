import { useTranslation } from 'react-i18next';
import { changePhoneLanguage, PHONE_LANGUAGES, type PhoneLanguage } from './i18n';

/** The page's language, kept on this phone: a native select, which every phone shows large. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <span className="visually-hidden">{t('language.label')}</span>
      <select value={i18n.language} onChange={(event) => void changePhoneLanguage(event.target.value as PhoneLanguage)} data-testid="phone-language">
        {PHONE_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
