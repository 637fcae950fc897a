// The baseline's relay: y-websocket@2's own server (`setupWSConnection` from y-websocket/bin/utils,
// as its bin/server.cjs does) on an http server at 127.0.0.1 and a free port, in its own process so
// that relaying does not compete with the benchmark runner. Prints {"event":"listening","port":n};
// exits when its stdin closes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

type SetupWSConnection = (conn: WebSocket, request: IncomingMessage) => void;
const { setupWSConnection } = createRequire(import.meta.url)('y-websocket/bin/utils') as { setupWSConnection: SetupWSConnection };

const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (conn: WebSocket, request: IncomingMessage) => setupWSConnection(conn, request));
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' }).end('okay');
});
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ event: 'listening', port: (server.address() as AddressInfo).port })}\n`);
});
process.stdin.on('data', () => undefined);
process.stdin.on('end', () => process.exit(0));
