import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';

// An abusive signaling client, in its own process so that building and masking its megabytes does not block the
// server under test: it opens --sockets connections from --local-address and sends, on each, publishes of
// 1.9 million `[]` (5.4 MB, valid JSON that nests 2 levels; or, with --payload string, one 8 MB string) for
// --seconds, at most --max per socket, keeping one message queued so that the server alone decides how fast it
// reads. Prints JSON lines: ready, done.

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    sockets: { type: 'string', default: '8' },
    'local-address': { type: 'string', default: '127.0.0.1' },
    seconds: { type: 'string', default: '8' },
    max: { type: 'string', default: '40' },
    // brackets: 1.9 million `[]` (costly to parse); string: one 8 MB base64-like string (a relay message's shape).
    payload: { type: 'string', default: 'brackets' },
  },
});
const url = values.url;
if (!url) throw new Error('--url is required');
const socketCount = Number(values.sockets);
const maxPerSocket = Number(values.max);

const elements = 1_900_000;
const message = Buffer.from(
  values.payload === 'string'
    ? `{"type":"publish","topic":"flood","data":"${'A'.repeat(8 * 1024 * 1024 - 200)}"}`
    : `{"type":"publish","topic":"flood","data":[${'[],'.repeat(elements - 1)}[]]}`,
);

const print = (value: object) => process.stdout.write(`${JSON.stringify(value)}\n`);

let sent = 0;
let refused = 0;

function open(): Promise<WebSocket | null> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url as string, { localAddress: values['local-address'], perMessageDeflate: false });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', () => {
      refused++;
      ws.terminate();
      resolve(null);
    });
    ws.once('error', () => resolve(null));
  });
}

async function flood(ws: WebSocket, deadline: number): Promise<void> {
  let own = 0;
  while (Date.now() < deadline && own < maxPerSocket && ws.readyState === WebSocket.OPEN) {
    if (ws.bufferedAmount < message.length) {
      ws.send(message, { binary: false });
      own++;
      sent++;
    } else {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

const sockets = (await Promise.all(Array.from({ length: socketCount }, () => open()))).filter((ws): ws is WebSocket => ws !== null);
// Counted from here, so a slow start on a busy machine does not shorten the flood.
const deadline = Date.now() + Number(values.seconds) * 1000;
print({ event: 'ready', sockets: sockets.length, refused, bytes: message.length });
await Promise.all(sockets.map((ws) => flood(ws, deadline)));
print({ event: 'done', sent, bytesEach: message.length });
for (const ws of sockets) ws.terminate();
process.exit(0);
