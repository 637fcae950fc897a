import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { StakeholderGroupEntry } from '../../../shared/model';

/**
 * The name to show for a stakeholder-group key: the workshop's own name, else the built-in
 * group's translated name; a key the list no longer has shows as "no group".
 */
export function useGroupName(groups: readonly StakeholderGroupEntry[]): (key: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (key: string) => {
      const entry = groups.find((group) => group.key === key);
      if (!entry) return t('participants.noGroup');
      return entry.label !== '' ? entry.label : t(`stakeholders.${entry.key}`);
    },
    [groups, t],
  );
}
