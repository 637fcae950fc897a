import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/services/content-policy';
import { createAppRequestHandler, mimeTypeFor, resolveAppPath } from '../../electron/services/app-protocol';
import { FileWriteError, writeFileAtomic } from '../../electron/services/file-writer';
import {
  DEFAULT_WINDOW_STATE,
  WINDOW_STATE_FILE,
  fitToDisplays,
  loadWindowState,
  pickProjectorDisplay,
  saveWindowState,
  type DisplayArea,
} from '../../electron/services/window-state';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'plenum-services-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes a string as UTF-8', async () => {
    const target = path.join(dir, 'minutes.md');
    await writeFileAtomic(target, '# Grüße — Україна ✓\n');
    expect(await readFile(target, 'utf8')).toBe('# Grüße — Україна ✓\n');
  });

  it('writes bytes exactly as given', async () => {
    const target = path.join(dir, 'minutes.docx');
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x80]);
    await writeFileAtomic(target, bytes);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
  });

  it('replaces an existing file and leaves no temporary file behind', async () => {
    const target = path.join(dir, 'agenda.csv');
    await writeFile(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['agenda.csv']);
  });

  it('keeps the old file whole when the write fails midway', async () => {
    const target = path.join(dir, 'agenda.csv');
    await writeFile(target, 'old');
    // Not a string nor bytes: the write fails after the temporary file was created.
    await expect(writeFileAtomic(target, 42 as unknown as string)).rejects.toBeInstanceOf(FileWriteError);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['agenda.csv']);
  });

  it('survives two saves of the same file at once with one of them whole', async () => {
    const target = path.join(dir, 'board.md');
    await Promise.all([writeFileAtomic(target, 'a'.repeat(100_000)), writeFileAtomic(target, 'b'.repeat(100_000))]);
    expect(['a'.repeat(100_000), 'b'.repeat(100_000)]).toContain(await readFile(target, 'utf8'));
    expect(await readdir(dir)).toEqual(['board.md']);
  });

  it('refuses a folder as target with a message saying so', async () => {
    const folder = path.join(dir, 'exports');
    await mkdir(folder);
    await expect(writeFileAtomic(folder, 'x')).rejects.toThrow(/"[^"]*exports" is a folder, not a file/);
  });

  it('refuses a target in a folder that does not exist, and a relative path', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'a.md'), 'x')).rejects.toThrow(/the folder "[^"]*missing" does not exist/);
    await expect(writeFileAtomic('relative/a.md', 'x')).rejects.toThrow(/not an absolute path/);
  });
});

describe('window state', () => {
  const stateFile = () => path.join(dir, WINDOW_STATE_FILE);

  it('gives the defaults when nothing was saved, or the folder is gone', async () => {
    expect(await loadWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
    expect(await loadWindowState(path.join(dir, 'nope'))).toEqual(DEFAULT_WINDOW_STATE);
  });

  it.each([
    ['truncated JSON', '{"bounds": {"x": 10,'],
    ['binary garbage', '\u0000\u0001\u00ff'],
    ['the wrong shape', '{"bounds": {"width": "wide"}, "maximized": "yes"}'],
    ['an implausible size', '{"bounds": {"x": 0, "y": 0, "width": -5, "height": 1e9}, "maximized": false}'],
    ['JSON null', 'null'],
  ])('gives the defaults for a file with %s instead of crashing', async (_name, text) => {
    await writeFile(stateFile(), text);
    expect(await loadWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('reads back what it saved, in whole pixels', async () => {
    await saveWindowState(dir, { bounds: { x: 100.4, y: -20.6, width: 1400, height: 900 }, maximized: true });
    expect(await loadWindowState(dir)).toEqual({ bounds: { x: 100, y: -21, width: 1400, height: 900 }, maximized: true });
  });
});

describe('fitToDisplays', () => {
  const laptop: DisplayArea = { id: 1, workArea: { x: 0, y: 0, width: 1440, height: 900 } };
  const monitor: DisplayArea = { id: 2, workArea: { x: 1440, y: 0, width: 2560, height: 1440 } };

  it('keeps a window that is fully on a display where it was', () => {
    const bounds = { x: 1600, y: 100, width: 1200, height: 800 };
    expect(fitToDisplays(bounds, [laptop, monitor])).toEqual(bounds);
  });

  it('centres a window whose monitor was unplugged on the first display, shrunk to fit', () => {
    expect(fitToDisplays({ x: 2000, y: 200, width: 2000, height: 1200 }, [laptop])).toEqual({ width: 1440, height: 900 });
  });

  it('pulls a window hanging off an edge fully onto the display it mostly covers', () => {
    expect(fitToDisplays({ x: 1000, y: 600, width: 800, height: 600 }, [laptop])).toEqual({ x: 640, y: 300, width: 800, height: 600 });
    expect(fitToDisplays({ x: 3500, y: -50, width: 800, height: 600 }, [laptop, monitor])).toEqual({ x: 3200, y: 0, width: 800, height: 600 });
  });

  it('shrinks a window without a position to the first display, and leaves everything when no display is known', () => {
    expect(fitToDisplays({ width: 3000, height: 2000 }, [laptop, monitor])).toEqual({ width: 1440, height: 900 });
    expect(fitToDisplays({ x: 5, y: 5, width: 300, height: 300 }, [])).toEqual({ x: 5, y: 5, width: 300, height: 300 });
  });

  it('puts the projector on a display other than the moderator’s, or nowhere special with one screen', () => {
    expect(pickProjectorDisplay([laptop, monitor], 1)).toBe(monitor);
    expect(pickProjectorDisplay([laptop, monitor], 2)).toBe(laptop);
    expect(pickProjectorDisplay([laptop], 1)).toBeNull();
  });
});

describe('app:// protocol', () => {
  const root = path.resolve('/srv/plenum/dist/renderer');

  it('maps the app root to index.html and asset paths to files under the build', () => {
    expect(resolveAppPath('app://plenum/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://plenum', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://plenum/index.html#/workshop/1', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://plenum/assets/index-3f2a.js?v=2', root)).toBe(path.join(root, 'assets', 'index-3f2a.js'));
    expect(resolveAppPath('app://plenum/fonts/Inter%20Var.woff2', root)).toBe(path.join(root, 'fonts', 'Inter Var.woff2'));
  });

  it.each([
    'app://plenum/../../etc/passwd',
    'app://plenum/%2e%2e/%2e%2e/etc/passwd',
    'app://plenum/assets/%2E%2E/%2E%2E/%2E%2E/etc/passwd',
  ])('resolves the dot segments of %s at the app root, inside dist/renderer', (url) => {
    // URL parsing treats %2e%2e as .. and stops at the root, as Chromium does before the request reaches us.
    expect(resolveAppPath(url, root)).toBe(path.join(root, 'etc', 'passwd'));
  });

  it.each([
    'app://plenum/..%2f..%2f..%2fetc%2fpasswd',
    'app://plenum/..%5c..%5c..%5cwindows%5cwin.ini',
    'app://plenum/assets%2f..%2f..%2f..%2fetc%2fpasswd',
    'app://plenum/index.html%00.png',
    'app://plenum/C:%5cWindows%5cwin.ini',
    'app://plenum/%E0%A4%A',
  ])('refuses %s, whose segments hide a separator, NUL, drive or bad encoding', (url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });

  it('treats a doubly encoded dot segment as a plain file name inside the build', () => {
    const result = resolveAppPath('app://plenum/%252e%252e/%252e%252e/etc/passwd', root);
    expect(result).toBe(path.join(root, '%2e%2e', '%2e%2e', 'etc', 'passwd'));
    expect(result?.startsWith(root + path.sep)).toBe(true);
  });

  it.each(['app://evil/index.html', 'https://plenum/index.html', 'app://user:pw@plenum/index.html', 'file:///srv/plenum/dist/renderer/index.html'])(
    'serves nothing for %s, which is not the app',
    (url) => expect(resolveAppPath(url, root)).toBeNull(),
  );

  it('names the right content types', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('assets/index.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('assets/INDEX.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('icon.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('locales/de.json')).toBe('application/json; charset=utf-8');
    expect(mimeTypeFor('mystery.bin')).toBe('application/octet-stream');
  });

  describe('request handler', () => {
    let build = '';
    beforeEach(async () => {
      build = path.join(dir, 'dist', 'renderer');
      await mkdir(path.join(build, 'assets'), { recursive: true });
      await writeFile(path.join(build, 'index.html'), '<!doctype html><title>Plenum</title>');
      await writeFile(path.join(build, 'assets', 'app.js'), 'console.log(1)');
      await writeFile(path.join(dir, 'secret.txt'), 'top secret');
    });

    it('serves a file with its type and the CSP', async () => {
      const response = await createAppRequestHandler(build)(new Request('app://plenum/assets/app.js'));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toBe('console.log(1)');
    });

    it('serves index.html for the root', async () => {
      const response = await createAppRequestHandler(build)(new Request('app://plenum/'));
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<title>Plenum</title>');
    });

    it('answers 404 with the CSP for a missing file, a folder and any climb out of the build', async () => {
      const handle = createAppRequestHandler(build);
      for (const url of ['app://plenum/nope.js', 'app://plenum/assets', 'app://plenum/../../secret.txt', 'app://plenum/..%2f..%2fsecret.txt', 'app://plenum/%2e%2e/%2e%2e/secret.txt']) {
        const response = await handle(new Request(url));
        expect(response.status, url).toBe(404);
        expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
        expect(await response.text()).not.toContain('top secret');
      }
    });

    it('is read-only: HEAD has no body, POST is refused', async () => {
      const handle = createAppRequestHandler(build);
      const head = await handle(new Request('app://plenum/index.html', { method: 'HEAD' }));
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
      expect((await handle(new Request('app://plenum/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    });
  });
});
