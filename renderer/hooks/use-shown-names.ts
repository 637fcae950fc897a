import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { shownName, shownTableNames } from '../../shared/model/plain';

export interface ShownNames {
  person(name: string): string;
}

/** How participants' names read on screen: a placeholder for a name a peer wrote blank. */
export function useShownNames(): ShownNames {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      person: (name: string) => shownName(name, t('participants.unnamed')),
    }),
    [t],
  );
}

/**
 * How tables' names read on screen, by table id: a name a peer wrote blank as the placeholder
 * with the table's number among such tables, as in the minutes. `tables` in the tables' order
 * (tablesFrom); an id that is no table reads as ''.
 */
export function useTableNames(tables: readonly { id: string; name: string }[]): (id: string) => string {
  const { t } = useTranslation();
  return useMemo(() => {
    const names = shownTableNames(tables, (number) => t('tables.unnamed', { number }));
    return (id: string) => names.get(id) ?? '';
  }, [tables, t]);
}
