import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { ConnectionIndicator } from '../../renderer/features/connection/ConnectionIndicator';
import { ConnectionPanel } from '../../renderer/features/connection/ConnectionPanel';
import { HostContext } from '../../renderer/hooks/use-host';
import type { ConnectionController, ConnectionState } from '../../renderer/network/connection';
import type { PeerSync, Presence, SyncStatus } from '../../renderer/network/peer-sync';
import type { HostApi } from '../../shared/host-api';
import { uiTexts } from '../../renderer/i18n/resources';

async function english() {
  const instance = i18next.createInstance();
  await instance.init({ resources: { en: { translation: uiTexts.en } }, lng: 'en', fallbackLng: false, interpolation: { escapeValue: false } });
  return instance;
}

const laptop = (clientId: number, name: string, self = false): Presence => ({ clientId, self, identity: { name, role: clientId === 1 ? 'host' : 'table', tableId: null, laptopId: `l${clientId}` } });

/** A table laptop with the moderator and another table (three in the presence list, this one included). */
function tableState(status: Partial<SyncStatus>): ConnectionState {
  const full: SyncStatus = { state: 'connected', servers: 1, directPeers: 2, relayPeers: 0, path: 'direct', refused: null, host: 'connected', ...status } as SyncStatus;
  const sync = { status: () => full, presence: () => [laptop(1, 'Moderator'), laptop(2, 'Nord'), laptop(3, 'Süd', true)], subscribe: () => () => undefined } as unknown as PeerSync;
  return { row: { workshopId: 'w', role: 'table', secret: 'K7QF2MXD9PAW', signaling: ['ws://127.0.0.1:4444'], name: 'Süd', tableId: null, updatedAt: 1 }, sync, error: null };
}

async function render(state: ConnectionState) {
  const i18n = await english();
  const wrap = (element: ReturnType<typeof createElement>) =>
    renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(HostContext.Provider, { value: {} as HostApi }, element)));
  const controller = {} as ConnectionController;
  return {
    header: wrap(createElement(ConnectionIndicator, { state, onClick: () => undefined })),
    panel: wrap(createElement(ConnectionPanel, { workshopId: 'w', controller, state, tables: [] })),
  };
}

const text = (html: string, testId: string) => new RegExp(`data-testid="${testId}"[^>]*>(.*?)</`).exec(html)?.[1]?.replace(/<[^>]+>/g, '');

describe('the connection counts', () => {
  it('count the same laptops in the header and in the Connection panel', async () => {
    const { header, panel } = await render(tableState({}));
    expect(header).toContain('2 laptops · direct');
    expect(text(panel, 'presence-heading')).toBe('Connected with 2 other laptops');
  });

  it('on a table working offline, say offline in the heading and claim no connected laptops', async () => {
    const { panel } = await render(tableState({ state: 'offline', directPeers: 0, path: 'none' }));
    expect(/<h2 id="connection-heading">([^<]*)</.exec(panel)?.[1]).toBe('Working offline: not connected to the workshop');
    expect(panel).not.toContain('Connected to the workshop');
    expect(panel).not.toContain('presence-heading');
  });
});
