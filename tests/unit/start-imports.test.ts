import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * What the app's start loads is what its entry imports statically (docs/performance.md, "Issue 17:
 * board, memory, start"). The bundler puts a module into the start's chunks when the entry's static
 * imports reach it, used or not: one `import { x } from '.../shared/model'` on the way brings Yjs
 * (the workshop screen uses it) into the start. These follow the static imports from the entry and
 * name what must stay out: it is loaded with `import()` where it is needed.
 */

const root = resolve(__dirname, '../..');
/** Value imports and re-exports (not `import type`), and side-effect imports; dynamic import() is not matched. */
const STATIC_IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/g;

function resolveFile(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (/\.(tsx?)$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Every file and package the entry reaches through static imports, as repository paths and package names. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [resolve(root, entry)];
  while (queue.length > 0) {
    const file = queue.pop() ?? '';
    const name = relative(root, file);
    if (seen.has(name)) continue;
    seen.add(name);
    for (const [, typeOnly, specifier = ''] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      if (typeOnly) continue;
      if (!specifier.startsWith('.')) {
        seen.add(`package:${specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]}`);
        continue;
      }
      const target = resolveFile(file, specifier);
      if (target) queue.push(target);
    }
  }
  return seen;
}

describe("the app's start", () => {
  const closure = staticClosure('renderer/main.tsx');

  it('follows the imports (the check sees the home screen and the store)', () => {
    expect(closure).toContain('renderer/features/home/HomeScreen.tsx');
    expect(closure).toContain('renderer/storage/workshop-store.ts');
    expect(closure).toContain('package:dexie');
  });

  it('imports neither Yjs nor the networking, the workshop or projector screens, the minutes or the date picker', () => {
    const heavy = [...closure].filter(
      (name) =>
        /^package:(yjs|y-webrtc|y-protocols|y-indexeddb|lib0|simple-peer|@dnd-kit|docx|qrcode|react-aria-components|react-aria|@internationalized)/.test(name) ||
        name === 'shared/model/index.ts' ||
        // The room clock's local memory is forgotten at start with a purged workshop; it is no networking.
        (name.startsWith('renderer/network/') && name !== 'renderer/network/host-clock.ts') ||
        name.startsWith('renderer/features/workshop/') ||
        name.startsWith('renderer/features/projector/') ||
        name.startsWith('renderer/features/board/') ||
        name === 'renderer/session/workshop-session.ts' ||
        name === 'shared/minutes/index.ts' ||
        name === 'renderer/features/common/DateField.tsx',
    );
    expect(heavy).toEqual([]);
  });

  it('imports no zod: it builds its schemas at import, and the start checks its rows without it', () => {
    // The store's index rows are read by readIndexRow; its zod schemas (renderer/storage/row-schemas.ts), the
    // time fields of files (shared/model/time-fields.ts), the room clock and the menu's check are loaded when used.
    expect([...closure].filter((name) => name === 'package:zod')).toEqual([]);
  });

  it('imports the texts of no language: the one it shows is loaded on its own', () => {
    expect([...closure].filter((name) => name.startsWith('renderer/i18n/texts/') || name === 'renderer/i18n/resources.ts')).toEqual([]);
  });
});

describe("the model's document-free door (shared/model/plain.ts)", () => {
  it('reaches no Yjs and no document', () => {
    const closure = staticClosure('shared/model/plain.ts');
    expect([...closure].filter((name) => name === 'package:yjs' || name === 'shared/model/doc.ts' || name === 'shared/model/index.ts')).toEqual([]);
  });
});
