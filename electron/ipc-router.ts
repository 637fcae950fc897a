import type { z } from 'zod';
import { hostChannels, hostContract, type HostChannel, type HostOutput, type HostResult } from '../shared/host-api';
import { isTrustedUrl } from './services/app-url';

// No runtime 'electron' import: the router is the whole IPC boundary and runs under vitest as it runs in main.

/** The part of an IPC event the router needs; Electron's IpcMainInvokeEvent fits it. */
export type SenderEvent = { readonly senderFrame: { readonly url: string } | null };

/** An input after its schema parsed it (defaults applied, refinements passed). */
export type ParsedInput<C extends HostChannel> = z.output<(typeof hostContract)[C]['input']>;

/** What main must implement: one function per channel. Use `satisfies HostImplementation<…>` so a missing channel fails the build. */
export type HostImplementation<E extends SenderEvent = SenderEvent> = {
  [C in HostChannel]: (input: ParsedInput<C>, event: E) => Promise<HostOutput<C>> | HostOutput<C>;
};

/** One IPC handler: never throws, answers a HostResult whatever the renderer sent. */
export type HostHandler<C extends HostChannel, E extends SenderEvent = SenderEvent> = (
  event: E,
  rawInput: unknown,
) => Promise<HostResult<HostOutput<C>>>;

export type HostRouter<E extends SenderEvent = SenderEvent> = { [C in HostChannel]: HostHandler<C, E> };

type Parser<T> = { safeParse(data: unknown): { success: true; data: T } | { success: false; error: z.ZodError } };

function schemasOf<C extends HostChannel>(channel: C): { input: Parser<ParsedInput<C>>; output: Parser<HostOutput<C>> } {
  // TypeScript cannot follow a generic index into the contract's union of schemas; the mapping itself is exact.
  return hostContract[channel] as unknown as { input: Parser<ParsedInput<C>>; output: Parser<HostOutput<C>> };
}

function senderIsTrusted(event: SenderEvent): boolean {
  try {
    // A frame that navigated away or was destroyed reads as null, or throws in some Electron versions.
    const url = event.senderFrame?.url;
    return url !== undefined && isTrustedUrl(url);
  } catch {
    return false;
  }
}

/** Names the field and the rule, so a bug in the renderer shows up as a readable message instead of a silent no-op. */
export function describeIssues(channel: HostChannel, what: 'input' | 'answer', error: z.ZodError): string {
  const details = error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(whole value)';
    return `${field}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `${channel}: invalid ${what} — ${details.join('; ')}${more}`;
}

/**
 * The error's message, with Node's error code ("EACCES") where the message does not name it: the
 * renderer says in the UI's language what the code means (renderer/host/host-error.ts), and a
 * message written for people (FileWriteError's) names none.
 */
function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
  return code && !message.includes(code) ? `${message} [${code}]` : message;
}

/** Builds the handler of one channel: sender check, input parse, run, output parse, errors as values. */
export function routeChannel<C extends HostChannel, E extends SenderEvent>(
  channel: C,
  run: HostImplementation<E>[C],
): HostHandler<C, E> {
  const schemas = schemasOf(channel);
  return async (event, rawInput) => {
    if (!senderIsTrusted(event)) return { ok: false, error: 'untrusted sender' };
    const input = schemas.input.safeParse(rawInput);
    if (!input.success) return { ok: false, error: describeIssues(channel, 'input', input.error) };
    let answer: unknown;
    try {
      answer = await run(input.data, event);
    } catch (error) {
      return { ok: false, error: `${channel}: ${messageOf(error)}` };
    }
    const output = schemas.output.safeParse(answer);
    if (!output.success) return { ok: false, error: describeIssues(channel, 'answer', output.error) };
    return { ok: true, value: output.data };
  };
}

/** One handler per channel of the contract, ready for `ipcMain.handle(channel, router[channel])`. */
export function createHostRouter<E extends SenderEvent>(implementation: HostImplementation<E>): HostRouter<E> {
  const entries = hostChannels.map((channel) => [channel, routeChannel(channel, implementation[channel])]);
  return Object.freeze(Object.fromEntries(entries)) as HostRouter<E>;
}
