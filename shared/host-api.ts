import { z } from 'zod';

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
  'file:save': {
    input: z.object({
      suggestedName: z
        .string()
        .min(1)
        .max(200)
        .refine((name) => !/[\\/]/.test(name) && name !== '.' && name !== '..', 'a file name, not a path'),
      mimeType: z.string().min(1).max(100),
      data: z.union([z.string().max(200 * 1024 * 1024), z.instanceof(Uint8Array)]),
    }),
    output: z.object({ saved: z.boolean(), path: z.string().optional() }),
  },
  'projector:open': {
    input: z.object({ workshopId: z.string().min(1).max(100) }),
    output: z.object({ opened: z.boolean() }),
  },
} as const;

export type HostChannel = keyof typeof hostContract;
export type HostInput<C extends HostChannel> = z.input<(typeof hostContract)[C]['input']>;
export type HostOutput<C extends HostChannel> = z.output<(typeof hostContract)[C]['output']>;

/** What every call answers: errors are values, so a failed save never throws across the bridge. */
export type HostResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** The object the renderer talks to: `window.plenum` in Electron, a browser implementation on the web. */
export type HostApi = {
  [C in HostChannel]: (input: HostInput<C>) => Promise<HostResult<HostOutput<C>>>;
};

export const hostChannels = Object.keys(hostContract) as HostChannel[];
