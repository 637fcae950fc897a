import os from 'node:os';
import type { HostOutput } from '../../shared/host-api';
import { DEFAULT_SIGNALING_PORT } from '../../shared/protocol/signaling';
import { advertiseSession, type SessionAdvert } from './discovery';
import { lanAddresses, signalingUrl, type InterfaceTable } from './lan-addresses';
import { formatSignalingEvent, startSignalingServer, type SignalingServer, type SignalingServerOptions } from './signaling-server';

// Hosting a workshop: the moderator's app runs the signaling server and announces it on the LAN (mDNS). Plain Node;
// electron/ipc.ts answers the renderer's `hosting:*` calls with it.

export type HostingDependencies = {
  /** Where the server listens: 0.0.0.0 in the app, so that tables on the LAN reach it. */
  host: string;
  startServer: (options: SignalingServerOptions) => Promise<SignalingServer>;
  advertise: (session: { name: string; port: number }) => SessionAdvert;
  interfaces: () => InterfaceTable;
  /** The name the session is listed under on other laptops. */
  sessionName: () => string;
  /** The built participant page for phones (dist/participant), served at /p/; null or missing: phones get no page. */
  participantPage?: () => string | null;
};

export type HostingController = {
  /** Starts the server, or answers the running one; a different port restarts it there. */
  start(port?: number, clockOffsetMs?: number): Promise<HostOutput<'hosting:start'>>;
  /** Resolves to whether a server was running. */
  stop(): Promise<boolean>;
  status(): HostOutput<'hosting:status'>;
};

const defaultHosting: HostingDependencies = {
  host: '0.0.0.0',
  startServer: startSignalingServer,
  advertise: (session) => advertiseSession(session),
  interfaces: () => os.networkInterfaces(),
  sessionName: () => `Plenum – ${os.hostname()}`,
};

/** The signaling server this app hosts (one at a time) and its mDNS advert. Calls run one after another. */
export function createHostingController(overrides: Partial<HostingDependencies> = {}): HostingController {
  const deps: HostingDependencies = { ...defaultHosting, ...overrides };
  let hosted: { server: SignalingServer; advert: SessionAdvert } | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  // Recomputed on every call: the laptop may have changed networks since the server started.
  const addressesFor = (port: number) => [
    ...lanAddresses(deps.interfaces()).map((address) => signalingUrl(address, port)),
    // Last: only the moderator's own renderer can use it.
    signalingUrl('127.0.0.1', port),
  ];
  const shutDown = async () => {
    if (!hosted) return false;
    const { server, advert } = hosted;
    hosted = null;
    await Promise.all([server.close(), advert.stop()]);
    return true;
  };
  return {
    // A server already running keeps its clock: laptops connected to it read the run in it.
    start: (port, clockOffsetMs) =>
      serially(async () => {
        if (hosted && (port === undefined || port === hosted.server.port)) return { port: hosted.server.port, addresses: addressesFor(hosted.server.port) };
        await shutDown();
        const page = deps.participantPage?.() ?? null;
        const server = await deps.startServer({
          host: deps.host,
          port: port ?? DEFAULT_SIGNALING_PORT,
          clockOffsetMs,
          ...(page ? { participantPage: { dir: page } } : {}),
          log: (event) => {
            if (event.event !== 'listening' && event.event !== 'closed') console.info(`signaling: ${formatSignalingEvent(event)}`);
          },
        });
        hosted = { server, advert: deps.advertise({ name: deps.sessionName(), port: server.port }) };
        return { port: server.port, addresses: addressesFor(server.port) };
      }),
    stop: () => serially(shutDown),
    status: () => (hosted ? { running: true, port: hosted.server.port, addresses: addressesFor(hosted.server.port) } : { running: false, addresses: [] }),
  };
}
