import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { PHONE_PAGE_PATH } from '../../shared/protocol/phone-wire';
import { DEFAULT_SIGNALING_PORT } from '../../shared/protocol/signaling';
import { lanAddresses, signalingUrl } from './lan-addresses';
import { formatSignalingEvent, startSignalingServer } from './signaling-server';

// The signaling server alone, for a venue machine that stays up while moderators' laptops come and go:
//   npm run signal -- --port 4444 [--host 0.0.0.0] [--max-connections-per-address 256] [--participant-page DIR]
// It also serves the participant page for phones at /p/ when it is built (dist/participant, `npm run build`).

/** Where the participant page's build lands (the repository's dist/participant), seen from this file. */
export const DEFAULT_PARTICIPANT_PAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/participant');

const USAGE = `Usage: npm run signal -- [--port N] [--host H] [--max-connections-per-address N] [--participant-page DIR]
  --port N                          TCP port, 0–65535 (default ${DEFAULT_SIGNALING_PORT}; 0 picks a free one)
  --host H                          address to listen on (default 0.0.0.0: every IPv4 network)
  --max-connections-per-address N   connections one address may open (default 256: phones behind a venue NAT share one)
  --participant-page DIR            the built participant page for phones (default: dist/participant of this checkout)`;

const wholeNumber = (max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, `must be a whole number from 0 to ${max}`)
    .transform(Number)
    .pipe(z.number().max(max, `must be a whole number from 0 to ${max}`));

const cliArgs = z.object({
  port: wholeNumber(65_535).default(DEFAULT_SIGNALING_PORT),
  host: z
    .string()
    .regex(/^[\w.:-]{1,255}$/, 'must be an IP address or a host name')
    .default('0.0.0.0'),
  'max-connections-per-address': wholeNumber(100_000).pipe(z.number().min(1, 'must be at least 1')).optional(),
  'participant-page': z.string().min(1, 'must name a folder').max(4096).optional(),
});

export type SignalArgs = z.output<typeof cliArgs>;

/** Reads the command line: the options, a request for help, or a message saying what is wrong. */
export function parseSignalArgs(argv: readonly string[]): { ok: true; args: SignalArgs } | { ok: true; help: true } | { ok: false; message: string } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'max-connections-per-address': { type: 'string' },
        'participant-page': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { ok: true, help: true };
  const parsed = cliArgs.safeParse(values);
  if (parsed.success) return { ok: true, args: parsed.data };
  const issue = parsed.error.issues[0];
  const option = String(issue?.path[0] ?? 'arguments');
  return { ok: false, message: `--${option} ${issue?.message ?? 'is invalid'} (got ${JSON.stringify(values[option])})` };
}

function readArgs(): SignalArgs {
  const result = parseSignalArgs(process.argv.slice(2));
  if (!result.ok) {
    console.error(`signal: ${result.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if ('help' in result) {
    console.log(USAGE);
    process.exit(0);
  }
  return result.args;
}

function joinAddresses(host: string, port: number): string[] {
  const everywhere = host === '0.0.0.0' || host === '::';
  if (!everywhere) return [signalingUrl(host, port)];
  return lanAddresses(os.networkInterfaces()).map((address) => signalingUrl(address, port));
}

/** The participant page's folder when it is built (has its index.html), else null. */
export function builtParticipantPage(dir: string): string | null {
  return existsSync(path.join(dir, 'index.html')) ? dir : null;
}

async function main(): Promise<void> {
  const args = readArgs();
  const limits = args['max-connections-per-address'] === undefined ? {} : { maxConnectionsPerAddress: args['max-connections-per-address'] };
  const pageDir = builtParticipantPage(path.resolve(args['participant-page'] ?? DEFAULT_PARTICIPANT_PAGE));
  const server = await startSignalingServer({
    host: args.host,
    port: args.port,
    limits,
    ...(pageDir ? { participantPage: { dir: pageDir } } : {}),
    log: (event) => {
      if (event.event !== 'listening' && event.event !== 'closed') console.log(formatSignalingEvent(event));
    },
  });

  const addresses = joinAddresses(args.host, server.port);
  console.log(`Plenum signaling server listening on ${args.host}:${server.port}`);
  if (addresses.length > 0) console.log(['Tables connect to:', ...addresses.map((url) => `  ${url}`)].join('\n'));
  else console.log('No LAN address found: is this machine connected to the venue network?');
  if (pageDir) {
    const pages = addresses.map((url) => `  ${url.replace(/^ws/, 'http')}${PHONE_PAGE_PATH}`);
    console.log(['Phones open the participant page (the moderator shows its QR code, with the join code after #):', ...pages].join('\n'));
  } else {
    console.log(`Participant page for phones not built (no ${path.join(args['participant-page'] ?? DEFAULT_PARTICIPANT_PAGE, 'index.html')}): run \`npm run build\` to serve it at ${PHONE_PAGE_PATH}.`);
  }
  console.log('Stop with Ctrl+C.');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second Ctrl+C does not wait for connections to close.
    if (stopping) process.exit(130);
    stopping = true;
    console.log(`${signal}: stopping (${server.stats().connections} connections open)`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// Runs only as a script, so that tests can import parseSignalArgs.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`signal: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
