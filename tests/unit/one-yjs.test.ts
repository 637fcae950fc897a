import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yjsAlias } from '../../vite.config';

/** Every yjs package directory under node_modules, nested ones included. */
function findYjsCopies(dir: string, found: string[] = []): string[] {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(dir, entry.name);
    if (entry.name === 'yjs') found.push(path);
    else if (entry.name.startsWith('@')) findYjsCopies(path, found);
    else if (existsSync(join(path, 'node_modules'))) findYjsCopies(join(path, 'node_modules'), found);
  }
  return found;
}

describe('one copy of yjs', () => {
  it('is installed once, so y-webrtc, y-indexeddb and the model share its classes', () => {
    expect(findYjsCopies('node_modules')).toEqual([join('node_modules', 'yjs')]);
  });

  it('is what Vite and Vitest alias every import of yjs to', () => {
    expect(yjsAlias.yjs).toMatch(/node_modules\/yjs\/dist\/yjs\.mjs$/);
    expect(existsSync(yjsAlias.yjs)).toBe(true);
  });
});
