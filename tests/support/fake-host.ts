import type { HostApi, HostChannel, HostInput } from '../../shared/host-api';

/** Every call a fake host was asked, in order. */
export type HostCall = { [C in HostChannel]: { channel: C; input: HostInput<C> } }[HostChannel];

const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });

/**
 * A host bridge for tests: answers as a desktop app with nothing to report (files saved, no
 * sessions found, no opened files) and records each call; `overrides` answer a channel otherwise.
 */
export function fakeHost(overrides: Partial<HostApi> = {}): HostApi & { calls: HostCall[] } {
  const calls: HostCall[] = [];
  const answers: HostApi = {
    'app:info': () => ok({ kind: 'electron', version: 'test', platform: 'test' }),
    'app:language': () => ok({ stored: true }),
    'file:save': ({ suggestedName }) => ok({ saved: true, path: `/tmp/${suggestedName}` }),
    'pdf:save': ({ suggestedName }) => ok({ saved: true, path: `/tmp/${suggestedName}` }),
    'mail:open': () => ok({ opened: true }),
    'projector:open': () => ok({ opened: true }),
    'hosting:start': () => ok({ port: 4444, addresses: ['ws://127.0.0.1:4444'] }),
    'hosting:stop': () => ok({ stopped: true }),
    'hosting:status': () => ok({ running: false, addresses: [] }),
    'discovery:list': () => ok({ sessions: [] }),
    'file:takeOpened': () => ok([]),
    'menu:update': () => ok({ applied: true }),
    ...overrides,
  };
  const host = { calls } as HostApi & { calls: HostCall[] };
  for (const channel of Object.keys(answers) as HostChannel[]) {
    const answer = answers[channel] as (input: unknown) => ReturnType<HostApi[HostChannel]>;
    (host as unknown as Record<HostChannel, (input: unknown) => unknown>)[channel] = (input: unknown) => {
      calls.push({ channel, input } as HostCall);
      return answer(input);
    };
  }
  return host;
}
