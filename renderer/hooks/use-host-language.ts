import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../shared/language-locale';
import { useHost } from './use-host';

/**
 * Tells the host the UI's language, on start and on each change, so that Electron starts
 * Chromium in the same locale next time (the browser build ignores it).
 */
export function useHostFollowsLanguage(): void {
  const host = useHost();
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  useEffect(() => {
    if (isLanguage(language)) void host['app:language']({ language });
  }, [host, language]);
}
