import { z } from 'zod';
import { clockOffset } from './protocol/clock';
import { areaSchemas, BACKUP_MAX_BYTES, ID_PATTERN, isKnownTimeZone, LANGUAGES, LIMITS, type Language, type Result, type WorkshopSnapshot } from './model';

/** A signaling server address as the renderer connects to it: `ws://host:port`. */
const signalingAddress = z.string().startsWith('ws://').max(300);

/** A file name the host may offer in its save dialog: never a path. */
const fileName = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !/[\\/]/.test(name) && name !== '.' && name !== '..', 'a file name, not a path');

/**
 * What the minutes are made of: the workshop as the minutes read it (every area checked with the
 * schema a backup's is checked with) and the options that make the same minutes again (language,
 * time zone, when they were written).
 */
export const minutesSourceSchema = z.object({
  // Typed as the snapshot on the way in too: the area schemas take `unknown`, the renderer passes its snapshot.
  workshop: z.object(areaSchemas) as unknown as z.ZodType<WorkshopSnapshot, WorkshopSnapshot>,
  language: z.enum(LANGUAGES),
  timeZone: z.string().max(100).refine(isKnownTimeZone, 'expected an IANA time zone such as "Europe/Berlin"'),
  generatedAt: z.number().int().min(0).max(8.64e15),
});
export type MinutesSource = z.infer<typeof minutesSourceSchema>;

/** The native menu speaks every UI language. */
export type MenuLanguage = Language;

/** A workshop the File menu offers under "Open Recent". */
export const recentWorkshopSchema = z.object({ id: z.string().regex(ID_PATTERN), title: z.string().max(LIMITS.titleMax) });
export type RecentWorkshop = z.infer<typeof recentWorkshopSchema>;

export { menuCommandSchema, type MenuCommand } from './menu-command';
/** The channel main sends menu commands to the window on. */
export const MENU_COMMAND_EVENT = 'menu:command';

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
   * The minutes as an A4 PDF, saved where the user chooses. What crosses is what they are made
   * of, not a document: Electron builds the minutes again in its main process and draws the PDF
   * there (electron/services/minutes-pdf.ts); a browser prints the minutes' HTML and opens its
   * print dialog instead (`printDialog: true`), where the user picks "Save as PDF".
   */
  'pdf:save': {
    input: z.object({ suggestedName: fileName, minutes: minutesSourceSchema }),
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
  /**
   * The native application menu in the UI's language, with the workshops to offer under "Open
   * Recent". Called when the language or the list changes; a browser has no such menu.
   */
  'menu:update': {
    input: z.object({ language: z.enum(LANGUAGES), recent: z.array(recentWorkshopSchema).max(20) }),
    output: z.object({ applied: z.boolean() }),
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

/**
 * What every call answers: errors are values (the host's message), so a failed save never throws
 * across the bridge. The message is English, for support: the UI says its own words
 * (renderer/host/host-error.ts reads Node's error code from it).
 */
export type HostResult<T> = Result<T, string>;

/** The object the renderer talks to: `window.plenum` in Electron, a browser implementation on the web. */
export type HostApi = {
  [C in HostChannel]: (input: HostInput<C>) => Promise<HostResult<HostOutput<C>>>;
};

export const hostChannels = Object.keys(hostContract) as HostChannel[];

/**
 * What Electron's preload exposes as `window.plenum`: the calls, and the native menu's clicks as
 * they come (unparsed: the listener parses them with menuCommandSchema). A browser has no menu.
 */
export type HostBridge = HostApi & {
  onMenuCommand?(listener: (command: unknown) => void): () => void;
};
