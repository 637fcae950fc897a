import { useTranslation } from 'react-i18next';
import { changeLanguage, UI_LANGUAGES, type UiLanguage } from '../../i18n';
import { useToasts } from '../../state/toasts';

/** Picks the UI language; the choice is remembered across restarts. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const showToast = useToasts((state) => state.show);
  // A language whose texts do not load (connection lost) leaves the current one in place, and says so.
  const pick = (language: UiLanguage) =>
    void changeLanguage(language).catch(() => showToast({ message: (t) => t('language.failed'), tone: 'error' }));
  return (
    <label className="language-switcher">
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        data-testid="language-switcher"
        value={i18n.language}
        onChange={(event) => pick(event.target.value as UiLanguage)}
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
