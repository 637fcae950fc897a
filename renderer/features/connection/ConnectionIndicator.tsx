import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../../network/connection';
import { useSyncStatus } from './use-connection';

/**
 * Connected peers and the path in use, on every screen of a shared workshop: a moderator must
 * see at a glance whether the tables are reached, and how.
 */
export function ConnectionIndicator({ state, onClick }: { state: ConnectionState; onClick(): void }) {
  const { t } = useTranslation();
  const status = useSyncStatus(state);
  if (!state.row) return null;
  const peers = status.directPeers + status.relayPeers;
  // A server that refused the room: connected, yet no table or phone can join through it.
  const label = status.refused
    ? t('connection.refused.short')
    : status.state === 'connected'
      ? peers === 0
        ? t('connection.waitingForPeers')
        : t(`connection.path.${status.path}`, { count: peers })
      : t(`connection.state.${status.state}`);
  return (
    <button
      type="button"
      className={`connection-indicator connection-${status.refused ? 'refused' : status.state}`}
      onClick={onClick}
      data-testid="connection-indicator"
      data-state={status.state}
      data-refused={status.refused ?? undefined}
      data-path={status.path}
      data-peers={peers}
    >
      <span className="connection-dot" aria-hidden="true" />
      {label}
    </button>
  );
}
