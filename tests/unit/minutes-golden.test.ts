import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../shared/minutes';
import { seedDayMinutes } from '../support/seed-day';

/*
 * Golden files of the seed day's Markdown minutes. A change in the minutes shows up as a diff
 * here; when the change is wanted, regenerate on purpose and review the diff of the files:
 *   UPDATE_GOLDEN=1 npx vitest run tests/unit/minutes-golden.test.ts
 */
const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe.each(['de', 'en', 'uk'] as const)('the Markdown minutes of the seed day in %s', (language) => {
  const golden = `tests/fixtures/seed-day.minutes.${language}.md`;

  it('match the golden file', () => {
    const markdown = renderMarkdown(seedDayMinutes(language));
    if (UPDATE || !existsSync(golden)) {
      if (!UPDATE) throw new Error(`${golden} is missing; write it with UPDATE_GOLDEN=1`);
      writeFileSync(golden, markdown);
    }
    expect(markdown).toBe(readFileSync(golden, 'utf8'));
  });
});
