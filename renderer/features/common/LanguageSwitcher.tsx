import { useTranslation } from 'react-i18next';
import { changeLanguage, UI_LANGUAGES, type UiLanguage } from '../../i18n';

/** Picks the UI language; the choice is remembered across restarts. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switcher">
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        data-testid="language-switcher"
        value={i18n.language}
        onChange={(event) => void changeLanguage(event.target.value as UiLanguage)}
        aria-label={t('language.label')}
      >
        {UI_LANGUAGES.map((language) => (
          <option key={language} value={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
