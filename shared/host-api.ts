import { z } from 'zod';
import { clockOffset } from './protocol/clock';
import { BACKUP_MAX_BYTES, LANGUAGES, type Result } from './model';

/** A signaling server address as the renderer connects to it: `ws://host:port`. */
const signalingAddress = z.string().startsWith('ws://').max(300);

/** A file name the host may offer in its save dialog: never a path. */
const fileName = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !/[\\/]/.test(name) && name !== '.' && name !== '..', 'a file name, not a path');

/**
 * The bridge between the UI and its host. Each call has a `scope:verb` channel, a zod schema of
 * its input and of its output. Electron's main process parses every input with these schemas
 * (renderer/host/web.ts implements the same calls with browser APIs), so the contract is the
 * one place that says what may cross the boundary.
 */
export const hostContract = {
  'app:info': {
    input: z.void(),
    output: z.object({
      kind: z.enum(['electron', 'web']),
      version: z.string(),
      platform: z.string(),
    }),
  },
  /**
   * The UI's language, told on start and on each change: Electron keeps it and starts Chromium in
   * its locale from then on (electron/services/app-language.ts). A browser keeps its own.
   */
  'app:language': {
    input: z.object({ language: z.enum(LANGUAGES) }),
    output: z.object({ stored: z.boolean() }),
  },
  'file:save': {
    input: z.object({
      suggestedName: fileName,
      mimeType: z.string().min(1).max(100),
      data: z.union([z.string().max(200 * 1024 * 1024), z.instanceof(Uint8Array)]),
    }),
    output: z.object({ saved: z.boolean(), path: z.string().optional() }),
  },
  /**
   * Prints self-contained HTML (the minutes) to an A4 PDF and saves it where the user chooses.
   * Electron prints it in a hidden window without JavaScript; a browser opens the page and its
   * print dialog instead (`printDialog: true`), where the user picks "Save as PDF".
   */
  'pdf:save': {
    input: z.object({ suggestedName: fileName, html: z.string().min(1).max(50 * 1024 * 1024) }),
    output: z.object({ saved: z.boolean(), path: z.string().optional(), printDialog: z.boolean().optional() }),
  },
  /**
   * The `.plenum` backups the app was asked to open (double-click, "Open with"), each once;
   * the renderer imports them. A browser has none.
   */
  'file:takeOpened': {
    input: z.void(),
    // A file over the backup size limit comes unread, with its size: the renderer says it is too big.
    output: z.array(z.union([z.object({ name: fileName, text: z.string().max(BACKUP_MAX_BYTES) }), z.object({ name: fileName, tooBig: z.number().int().min(0) })])).max(100),
  },
  /** Hands a mailto: link (the minutes' mail draft) to the mail program. */
  'mail:open': {
    input: z.object({ url: z.string().startsWith('mailto:').max(100_000) }),
    output: z.object({ opened: z.boolean() }),
  },
  'projector:open': {
    input: z.object({ workshopId: z.string().min(1).max(100) }),
    output: z.object({ opened: z.boolean() }),
  },
  /**
   * Starts this app's signaling server (or answers the running one). Addresses: LAN first, loopback last.
   * `clockOffsetMs`: the room's clock against this laptop's, when it takes over a room that ran on
   * another host's clock (shared/protocol/clock.ts); a new server tells that time.
   */
  'hosting:start': {
    input: z.object({ port: z.number().int().min(1024).max(65_535).optional(), clockOffsetMs: clockOffset.optional() }),
    output: z.object({ port: z.number().int(), addresses: z.array(signalingAddress) }),
  },
  'hosting:stop': {
    input: z.void(),
    output: z.object({ stopped: z.boolean() }),
  },
  'hosting:status': {
    input: z.void(),
    output: z.object({ running: z.boolean(), port: z.number().int().optional(), addresses: z.array(signalingAddress) }),
  },
  /** Sessions announced on the LAN (mDNS); empty where discovery does not work. */
  'discovery:list': {
    input: z.void(),
    output: z.object({
      sessions: z.array(z.object({ name: z.string().max(200), addresses: z.array(signalingAddress) })),
    }),
  },
} as const;

export type HostChannel = keyof typeof hostContract;
export type HostInput<C extends HostChannel> = z.input<(typeof hostContract)[C]['input']>;
export type HostOutput<C extends HostChannel> = z.output<(typeof hostContract)[C]['output']>;

/** What every call answers: errors are values (the host's message), so a failed save never throws across the bridge. */
export type HostResult<T> = Result<T, string>;

/** The object the renderer talks to: `window.plenum` in Electron, a browser implementation on the web. */
export type HostApi = {
  [C in HostChannel]: (input: HostInput<C>) => Promise<HostResult<HostOutput<C>>>;
};

export const hostChannels = Object.keys(hostContract) as HostChannel[];
