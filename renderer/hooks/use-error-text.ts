import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelError } from '../../shared/model';
import { StorageError } from '../storage/storage-error';

/** Turns a model refusal or a storage failure into a sentence in the UI language. */
export function useErrorText(): (error: ModelError | StorageError | unknown) => string {
  const { t } = useTranslation();
  // One function per language, so components can depend on it without re-rendering every time.
  return useCallback((error: ModelError | StorageError | unknown) => {
    if (error instanceof StorageError) return t(`errors.${error.code}`);
    if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
      const { code, params } = error as ModelError;
      return t(`errors.${code}`, params ?? {});
    }
    return t('errors.unexpected', { detail: error instanceof Error ? error.message : String(error) });
  }, [t]);
}
