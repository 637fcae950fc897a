/**
 * Building and serving the benchmarks' own pages (bench/browser/, the page suites; bench/laptop/,
 * a laptop of the Chromium peer benchmarks) in Node. Not imported by any page.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { build } from 'vite';
import { yjsAlias } from '../../vite.config';

/** Bundles the page whose index.html is in `source` into `outDir`, with one copy of yjs (yjsAlias). */
export async function buildPage(source: string, outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: source,
    base: './',
    logLevel: 'warn',
    resolve: { alias: yjsAlias, dedupe: ['yjs'] },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
    },
  });
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Static files of `root` on 127.0.0.1 and a free port. Cross-origin isolated, so performance.now() is precise to 5 µs, not 100 µs. */
export async function serve(root: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
      const found = file.startsWith(root + sep) && (await stat(file).catch(() => null))?.isFile();
      if (!found) {
        response.writeHead(404).end('not found');
        return;
      }
      response.writeHead(200, {
        'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      });
      createReadStream(file).pipe(response);
    })();
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ready);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
