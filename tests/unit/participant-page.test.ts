import http from 'node:http';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';

// The participant page served by the signaling server at /p/ from a built folder (electron/services/participant-page.ts).

let root = '';
let dir = '';
const servers: SignalingServer[] = [];

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'plenum-page-'));
  dir = path.join(root, 'participant');
  await mkdir(path.join(dir, 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><script type="module" src="./assets/main-Ab12Cd34.js"></script>');
  await writeFile(path.join(dir, 'assets', 'main-Ab12Cd34.js'), 'console.log("phone")');
  await writeFile(path.join(dir, 'assets', 'style-Zz99Yy88.css'), 'body{}');
  await writeFile(path.join(dir, 'assets', 'plain.svg'), '<svg/>');
  // Outside the page's folder: nothing of it may be served.
  await writeFile(path.join(root, 'secret.txt'), 'secret');
  await symlink(path.join(root, 'secret.txt'), path.join(dir, 'assets', 'link.txt'));
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await rm(root, { recursive: true, force: true });
});

async function serve(page: { dir: string } | null = { dir }): Promise<SignalingServer> {
  const server = await startSignalingServer({ host: '127.0.0.1', port: 0, ...(page ? { participantPage: page } : {}) });
  servers.push(server);
  return server;
}

/** A raw request: the path goes out exactly as written (fetch would resolve `..`). */
function request(server: SignalingServer, rawPath: string, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: rawPath, method, headers: { Host: `plenum.test:${server.port}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the participant page at /p/', () => {
  it('serves index.html with a strict policy, no-cache, and redirects /p to /p/', async () => {
    const server = await serve();
    const index = await request(server, '/p/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const policy = String(index.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain(`connect-src 'self' ws://plenum.test:${server.port} wss://plenum.test:${server.port}`);
    expect(policy).not.toContain('unsafe-inline');
    expect(index.body).toContain('main-Ab12Cd34.js');
    const redirect = await request(server, '/p');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/p/');
    // The fragment (the join secret) never reaches a server, but a query must not change the answer.
    expect((await request(server, '/p/?x=1')).status).toBe(200);
  });

  it('serves assets with their type; hashed ones are immutable', async () => {
    const server = await serve();
    const script = await request(server, '/p/assets/main-Ab12Cd34.js');
    expect(script).toMatchObject({ status: 200, body: 'console.log("phone")' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await request(server, '/p/assets/style-Zz99Yy88.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const svg = await request(server, '/p/assets/plain.svg');
    expect(svg.headers['cache-control']).toBe('no-cache');
    const head = await request(server, '/p/assets/main-Ab12Cd34.js', 'HEAD');
    expect(head).toMatchObject({ status: 200, body: '' });
    expect(head.headers['content-length']).toBe(String('console.log("phone")'.length));
    expect((await request(server, '/p/assets/main-Ab12Cd34.js', 'POST')).status).toBe(405);
  });

  it('serves nothing outside the page: traversal, encodings, absolute paths and symlinks all get 404', async () => {
    const server = await serve();
    const attempts = [
      '/p/../secret.txt',
      '/p/assets/../../secret.txt',
      '/p/assets/%2e%2e/%2e%2e/secret.txt',
      '/p/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/p/assets/..%5c..%5csecret.txt',
      `/p/assets/${encodeURIComponent(path.join(root, 'secret.txt'))}`,
      '/p/assets/link.txt',
      '/p/assets/',
      '/p/assets',
      '/p/secret.txt',
      '/p/assets/%00main-Ab12Cd34.js',
      '/p/assets/%E0%A4%A',
      '/p/participant/index.html',
    ];
    for (const attempt of attempts) {
      const answer = await request(server, attempt);
      expect({ attempt, status: answer.status }).toEqual({ attempt, status: 404 });
      expect(answer.body).not.toContain('secret');
    }
  });

  it('without a page folder, /p/ is not found and the rest of the server works as before', async () => {
    const none = await serve(null);
    expect((await request(none, '/p/')).status).toBe(404);
    expect((await request(none, '/plenum')).status).toBe(200);
    const missing = await serve({ dir: path.join(root, 'not-built') });
    expect((await request(missing, '/p/')).status).toBe(404);
    expect((await request(missing, '/plenum')).status).toBe(200);
  });
});
