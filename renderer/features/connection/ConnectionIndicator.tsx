import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../../network/connection';
import { hostNotice, serverGone } from '../../network/host-notice';
import { connectedLaptops, useSyncStatus } from './use-connection';

/**
 * Connected peers and the path in use, on every screen of a shared workshop: a moderator must
 * see at a glance whether the tables are reached, and how; a table, whether the moderator is.
 */
export function ConnectionIndicator({ state, onClick }: { state: ConnectionState; onClick(): void }) {
  const { t } = useTranslation();
  const status = useSyncStatus(state);
  if (!state.row) return null;
  if (state.row.left) {
    return (
      <button type="button" className="connection-indicator connection-offline" onClick={onClick} title={t('connection.left.text')} data-testid="connection-indicator" data-state="left">
        {t('connection.left.short')}
      </button>
    );
  }
  const peers = connectedLaptops(status);
  // A server that refused the room: connected, yet no table or phone can join through it.
  const notice = hostNotice(state.row.role, status);
  const noServer = serverGone(state.row.role, status);
  const label = status.refused
    ? t('connection.refused.short')
    : notice
      ? t(`connection.host.${notice}Short`)
    : noServer
      ? t('connection.server.goneShort')
    : status.state === 'connected'
      ? peers === 0
        ? t('connection.waitingForPeers')
        : t(`connection.path.${status.path}`, { count: peers })
      : t(`connection.state.${status.state}`);
  return (
    <button
      type="button"
      className={`connection-indicator connection-${status.refused ? 'refused' : status.state}${notice ? ` connection-host-${notice}` : ''}${noServer ? ' connection-server-gone' : ''}`}
      onClick={onClick}
      title={notice ? t(`connection.host.${notice}`) : noServer ? t('connection.server.gone') : undefined}
      data-testid="connection-indicator"
      data-state={status.state}
      data-refused={status.refused ?? undefined}
      data-path={status.path}
      data-peers={peers}
      data-host={status.host}
      data-server={noServer ? 'gone' : undefined}
    >
      <span className="connection-dot" aria-hidden="true" />
      {label}
    </button>
  );
}
