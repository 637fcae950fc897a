import { useCallback, useEffect, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { formatJoinSecret } from '../../../shared/protocol/join-secret';
import { encodeInvite } from '../../../shared/protocol/invite';
import { LAPTOP_NAME_MAX, validLaptopName } from '../../../shared/protocol/laptop-name';
import { phoneJoinUrl } from '../../../shared/protocol/phone-join';
import { DEFAULT_SIGNALING_PORT } from '../../../shared/protocol/signaling';
import type { Table } from '../../../shared/model';
import { useHost } from '../../hooks/use-host';
import { hostingErrorText, logHostError } from '../../host/host-error';
import type { ConnectionController, ConnectionState } from '../../network/connection';
import { hostClock } from '../../network/host-clock';
import { rememberedHostCode } from '../../network/host-code';
import type { Presence } from '../../network/peer-sync';
import { connectedLaptops, refusalKey, useSyncStatus } from './use-connection';
import { hostNotice, serverGone } from '../../network/host-notice';
import { FieldError } from '../common/FieldError';
import { PhoneQr } from '../common/PhoneQr';
import { PresenceRole } from '../roles/PresenceRole';
import { useTableNames } from '../../hooks/use-shown-names';

interface ConnectionPanelProps {
  workshopId: string;
  controller: ConnectionController;
  state: ConnectionState;
  tables: Table[];
}

const noPresence: Presence[] = [];

/**
 * Sharing a workshop with the tables: host it (the desktop app starts its own signaling server;
 * a browser uses a venue server), show the join code and QR code, see who is connected, leave.
 */
export function ConnectionPanel({ workshopId, controller, state, tables }: ConnectionPanelProps) {
  const { t } = useTranslation();
  const row = state.row;
  if (!row) return <StartHosting workshopId={workshopId} controller={controller} />;
  if (row.left) return <LeftRoom workshopId={workshopId} controller={controller} state={state} />;
  return (
    <section className="panel connection-panel" aria-labelledby="connection-heading">
      <div className="panel-head">
        <PanelHeading state={state} />
        <StatusLine state={state} />
      </div>
      <Refusal state={state} />
      {row.role === 'table' && <HostNotice state={state} />}
      {row.role === 'host' && <ServerNotice state={state} />}
      {row.role === 'host' && <JoinCode workshopId={workshopId} secret={row.secret} addresses={row.signaling} />}
      {row.role === 'table' && <TablePicker controller={controller} tableId={row.tableId} tables={tables} />}
      {/* Above the list of laptops, which grows and shrinks as they come and go: a button
          under it would move while the moderator reaches for it. */}
      <div className="row-actions">
        <OfflineToggle state={state} />
        {row.role === 'table' && <TakeOver workshopId={workshopId} controller={controller} />}
        <button type="button" className="danger-quiet" onClick={() => void controller.leave()} data-testid="connection-leave">
          {row.role === 'host' ? t('connection.stopSharing') : t('connection.leave')}
        </button>
      </div>
      <FieldError message={state.error && t('connection.failed', { detail: state.error })} />
      <PresenceList state={state} tables={tables} />
    </section>
  );
}

/** A table that left: its copy stays a table's; it joins again with one click, or takes over hosting. */
function LeftRoom({ workshopId, controller, state }: { workshopId: string; controller: ConnectionController; state: ConnectionState }) {
  const { t } = useTranslation();
  return (
    <section className="panel connection-panel" aria-labelledby="connection-heading" data-testid="connection-left">
      <div className="panel-head">
        <h2 id="connection-heading">{t('connection.left.heading')}</h2>
      </div>
      <p>{t('connection.left.text')}</p>
      <div className="row-actions">
        <button type="button" className="primary" onClick={() => void controller.rejoin()} data-testid="connection-rejoin">
          {t('connection.left.rejoin')}
        </button>
        {state.row?.role === 'table' && <TakeOver workshopId={workshopId} controller={controller} />}
      </div>
      <FieldError message={state.error && t('connection.failed', { detail: state.error })} />
    </section>
  );
}

/** A table that works offline is not "connected to the workshop": the heading says what it is. */
function PanelHeading({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  const status = useSyncStatus(state);
  if (state.row?.role === 'host') return <h2 id="connection-heading">{t('connection.hostingHeading')}</h2>;
  return <h2 id="connection-heading">{status.state === 'offline' ? t('connection.tableHeadingOffline') : t('connection.tableHeading')}</h2>;
}

function StatusLine({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  const status = useSyncStatus(state);
  return (
    <span className="muted" data-testid="connection-status">
      {t(`connection.state.${status.state}`)} · {t('connection.peers', { direct: status.directPeers, relay: status.relayPeers })}
    </span>
  );
}

/** Said above the join code: the code shown does not work on a server that refused the room. */
function Refusal({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  const { refused } = useSyncStatus(state);
  return <FieldError message={refused && t(refusalKey(refused))} testId="connection-refused" />;
}

/** Says in words that the moderator's laptop is missing, and what becomes of this table's work meanwhile. */
function HostNotice({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  const status = useSyncStatus(state);
  const notice = state.row ? hostNotice(state.row.role, status) : null;
  if (!notice) return null;
  return (
    <p className={`host-notice host-notice-${notice}`} role="status" data-testid="host-notice" data-host={notice}>
      {t(`connection.host.${notice}`)}
    </p>
  );
}

/** Says that the signaling server is gone while directly connected tables keep the moderator "connected". */
function ServerNotice({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  const status = useSyncStatus(state);
  if (!state.row || !serverGone(state.row.role, status)) return null;
  return (
    <p className="host-notice" role="status" data-testid="server-notice">
      {t('connection.server.gone')}
    </p>
  );
}

/** Works without the network on purpose (a flaky Wi-Fi, a test of the room); everything merges on return. */
function OfflineToggle({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  const status = useSyncStatus(state);
  const sync = state.sync;
  if (!sync) return null;
  const offline = status.state === 'offline';
  return (
    <button type="button" onClick={() => (offline ? sync.connect() : sync.disconnect())} aria-pressed={offline} data-testid="connection-offline-toggle">
      {offline ? t('connection.goOnline') : t('connection.goOffline')}
    </button>
  );
}

function StartHosting({ workshopId, controller }: { workshopId: string; controller: ConnectionController }) {
  const { t } = useTranslation();
  const host = useHost();
  const [name, setName] = useState(t('connection.defaultHostName'));
  const [server, setServer] = useState('');
  const [port, setPort] = useState(String(DEFAULT_SIGNALING_PORT));
  const [needsServer, setNeedsServer] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Shared before: the same code again (the tables rejoin by themselves), unless a new one is asked for.
  const [codeKept] = useState(() => rememberedHostCode(workshopId) !== null);
  const [newCode, setNewCode] = useState(false);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const hostName = validLaptopName(name, t('connection.defaultHostName'));
      if (!hostName.ok) return setError(t('errors.laptopName.tooLong', { max: hostName.max }));
      if (needsServer) {
        const url = server.trim();
        if (!/^wss?:\/\/[^\s/]+:\d+/.test(url)) return setError(t('errors.address.invalid'));
        await controller.host([url], hostName.value, { newCode });
        return;
      }
      const portNumber = Number(port);
      if (!/^\d+$/.test(port.trim()) || portNumber < 1024 || portNumber > 65_535) return setError(t('connection.portInvalid'));
      // A room that ran on another host's clock goes on in that time.
      const result = await host['hosting:start']({ port: portNumber, clockOffsetMs: hostClock(workshopId)?.offsetMs });
      if (!result.ok) {
        if (result.error === 'hosting-needs-desktop') setNeedsServer(true);
        else {
          logHostError(result.error);
          setError(t('connection.hostFailed', { detail: hostingErrorText(t, result.error) }));
        }
        return;
      }
      await controller.host(result.value.addresses, hostName.value, { newCode });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel connection-panel" aria-labelledby="share-heading">
      <h2 id="share-heading">{t('connection.shareHeading')}</h2>
      <p className="muted">{t('connection.shareIntro')}</p>
      <form className="share-form" onSubmit={(event) => void start(event)} noValidate>
        <label className="field grow">
          <span>{t('connection.yourName')}</span>
          <input value={name} onChange={(event) => setName(event.target.value)} maxLength={LAPTOP_NAME_MAX} data-testid="host-name" />
        </label>
        {!needsServer && (
          <label className="field narrow">
            <span>{t('connection.portLabel')}</span>
            <input value={port} onChange={(event) => setPort(event.target.value)} inputMode="numeric" data-testid="host-port" />
          </label>
        )}
        {needsServer && (
          <label className="field grow">
            <span>{t('connection.serverLabel')}</span>
            <input value={server} onChange={(event) => setServer(event.target.value)} placeholder={`ws://192.168.1.10:${DEFAULT_SIGNALING_PORT}`} data-testid="host-server" />
          </label>
        )}
        {codeKept && (
          <label className="board-option">
            <input type="checkbox" checked={newCode} onChange={(event) => setNewCode(event.target.checked)} data-testid="host-new-code" />
            {t('connection.newCode')}
          </label>
        )}
        <button type="submit" className="primary" disabled={busy} data-testid="host-start">
          {t('connection.startHosting')}
        </button>
      </form>
      {needsServer && <p className="muted">{t('connection.webNeedsServer')}</p>}
      <FieldError message={error} />
    </section>
  );
}

function JoinCode({ workshopId, secret, addresses }: { workshopId: string; secret: string; addresses: string[] }) {
  const { t } = useTranslation();
  // undefined while drawn, null when it could not be drawn.
  const [qr, setQr] = useState<string | null | undefined>(undefined);
  const invite = encodeInvite({ addresses, room: workshopId, secret });
  useEffect(() => {
    let current = true;
    QRCode.toDataURL(invite, { errorCorrectionLevel: 'M', margin: 1, width: 320 }).then(
      (url) => current && setQr(url),
      () => current && setQr(null),
    );
    return () => {
      current = false;
    };
  }, [invite]);
  const shown = addresses.filter((address) => !address.includes('127.0.0.1'));
  const phoneUrl = phoneJoinUrl(addresses, secret);
  return (
    <div className="join-code">
      <div>
        <p className="muted">{t('connection.codeLabel')}</p>
        <p className="code" data-testid="join-code">
          {formatJoinSecret(secret)}
        </p>
        <p className="muted">{t('connection.addressLabel')}</p>
        <ul className="addresses" data-testid="join-addresses">
          {(shown.length > 0 ? shown : addresses).map((address) => (
            <li key={address}>
              <code>{address.replace(/^ws:\/\//, '')}</code>
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => void navigator.clipboard?.writeText(invite)}>
          {t('connection.copyInvite')}
        </button>
        <input className="visually-hidden" readOnly value={invite} data-testid="join-invite" aria-label={t('connection.copyInvite')} />
      </div>
      {/* The code's place is kept while it is drawn, so the buttons below do not jump when it appears. */}
      {qr ? <img className="qr" src={qr} alt={t('connection.qrAlt')} width={220} height={220} /> : qr === undefined && <span className="qr qr-pending" aria-hidden="true" />}
      {phoneUrl && <PhoneQr url={phoneUrl} className="phone-join" width={320} />}
    </div>
  );
}

function TablePicker({ controller, tableId, tables }: { controller: ConnectionController; tableId: string | null; tables: Table[] }) {
  const { t } = useTranslation();
  const tableName = useTableNames(tables);
  return (
    <label className="field">
      <span>{t('connection.yourTable')}</span>
      <select value={tableId ?? ''} onChange={(event) => void controller.setTable(event.target.value || null)} data-testid="table-picker">
        <option value="">{t('connection.noTable')}</option>
        {tables.map((table) => (
          <option key={table.id} value={table.id}>
            {tableName(table.id)}
          </option>
        ))}
      </select>
    </label>
  );
}

function TakeOver({ workshopId, controller }: { workshopId: string; controller: ConnectionController }) {
  const { t } = useTranslation();
  const host = useHost();
  const [error, setError] = useState<string | null>(null);
  const takeOver = async () => {
    // The room goes on in the clock it ran on: the new host's server tells the old host's time.
    const result = await host['hosting:start']({ clockOffsetMs: hostClock(workshopId)?.offsetMs });
    if (!result.ok) {
      if (result.error !== 'hosting-needs-desktop') logHostError(result.error);
      return setError(result.error === 'hosting-needs-desktop' ? t('connection.takeOverNeedsDesktop') : t('connection.hostFailed', { detail: hostingErrorText(t, result.error) }));
    }
    await controller.host(result.value.addresses, controller.state().row?.name ?? t('connection.defaultHostName'));
  };
  return (
    <>
      <button type="button" onClick={() => void takeOver()} title={t('connection.takeOverHint')}>
        {t('connection.takeOver')}
      </button>
      <FieldError message={error} inline />
    </>
  );
}

function PresenceList({ state, tables }: { state: ConnectionState; tables: Table[] }) {
  const { t } = useTranslation();
  const sync = state.sync;
  const subscribe = useCallback((listener: () => void) => sync?.subscribe(listener) ?? (() => undefined), [sync]);
  const read = () => sync?.presence() ?? noPresence;
  const people = useSyncExternalStore(subscribe, read, read);
  const status = useSyncStatus(state);
  const names = useTableNames(tables);
  const tableName = (id: string | null) => (id === null ? '' : names(id));
  // Offline, nobody is connected, whatever the last list said.
  if (status.state === 'offline') return null;
  return (
    <div>
      {/* The other laptops, counted as the header's indicator counts them: the two never disagree. */}
      <h3 className="subheading" data-testid="presence-heading">{t('connection.presence', { count: connectedLaptops(status) })}</h3>
      <ul className="presence" data-testid="presence">
        {people.map((person) => (
          <li key={person.clientId}>
            <span className={`badge badge-${person.identity.role}`}>{t(`connection.role.${person.identity.role}`)}</span>
            <span>{person.identity.name}</span>
            {person.self && <span className="muted"> ({t('connection.thisLaptop')})</span>}
            {tableName(person.identity.tableId) && <span className="muted"> · {tableName(person.identity.tableId)}</span>}
            <PresenceRole identity={person.identity} self={person.self} />
          </li>
        ))}
      </ul>
    </div>
  );
}
