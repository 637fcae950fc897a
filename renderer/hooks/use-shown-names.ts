import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { shownName } from '../../shared/model/plain';

export interface ShownNames {
  person(name: string): string;
  table(name: string): string;
}

/** How participants' and tables' names read on screen: a placeholder for a name a peer wrote blank. */
export function useShownNames(): ShownNames {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      person: (name: string) => shownName(name, t('participants.unnamed')),
      table: (name: string) => shownName(name, t('tables.unnamed')),
    }),
    [t],
  );
}
