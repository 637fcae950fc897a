import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * shared/ runs under Node's own loader too (Playwright loads the specs that make minutes with it),
 * and Node refuses a JSON import without its attribute: an e2e spec failed on the import alone,
 * though Vite, vitest and tsx took it.
 */

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

describe('JSON imports in shared/', () => {
  it("carry with { type: 'json' }", () => {
    const bare = sources('shared').flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /^import .* from '[^']+\.json'/.test(line) && !line.includes("with { type: 'json' }"))
        .map((line) => `${file}: ${line}`),
    );
    expect(bare).toEqual([]);
  });
});
