import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/roles/permissions';
import type { PeerIdentity } from '../../network/peer-sync';
import { describeError } from '../../hooks/use-error-text';
import { useToasts } from '../../state/toasts';
import { RoleContext } from './use-role';

/**
 * A table laptop's role in the presence list: "moderator" once promoted, and for the moderator
 * the button that promotes it or takes the role back. The host is the moderator by hosting.
 */
export function PresenceRole({ identity, self }: { identity: PeerIdentity; self: boolean }) {
  const { t } = useTranslation();
  const showToast = useToasts((state) => state.show);
  const value = useContext(RoleContext);
  const laptopId = identity.laptopId ?? '';
  if (!value || identity.role === 'host' || laptopId === '') return null;
  const promoted = value.promoted.some((entry) => entry.laptopId === laptopId);
  const mayChange = can(value.role, 'roles.change') && !self;
  const change = () => {
    const result = promoted ? value.commands.room.demote(laptopId) : value.commands.room.promote(laptopId, identity.name);
    if (!result.ok) showToast({ message: (t) => describeError(t, result.error), tone: 'error' });
  };
  return (
    <>
      {promoted && (
        <span className="badge badge-host" data-testid="presence-promoted">
          {t('roles.name.moderator')}
        </span>
      )}
      {mayChange && (
        <button type="button" className="small" onClick={change} title={t(promoted ? 'roles.demoteHint' : 'roles.promoteHint')} data-testid={promoted ? 'presence-demote' : 'presence-promote'}>
          {promoted ? t('roles.demote') : t('roles.promote')}
        </button>
      )}
    </>
  );
}
