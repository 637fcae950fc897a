import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelError } from '../../shared/model';
import type { Translate } from '../state/toasts';
import { StorageError } from '../storage/storage-error';

/** Turns a model refusal or a storage failure into a sentence in the UI language. */
export function useErrorText(): (error: ModelError | StorageError | unknown) => string {
  const { t } = useTranslation();
  // One function per language, so components can depend on it without re-rendering every time.
  return useCallback((error: ModelError | StorageError | unknown) => describeError(t, error), [t]);
}

/** The sentence for a refusal or failure in the language of `t` (a toast asks again when the language changes). */
export function describeError(t: Translate, error: ModelError | StorageError | unknown): string {
  if (error instanceof StorageError) return t(`errors.${error.code}`);
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    const { code, params } = error as ModelError;
    return t(`errors.${code}`, params ?? {});
  }
  return t('errors.unexpected', { detail: error instanceof Error ? error.message : String(error) });
}
