import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { PROJECTOR_VIEWS, ROOT, SCHEMA_VERSION, type ProjectorView } from '../../shared/model';
import { deriveSeed, seededRandom } from '../support/prng';
import { writeJunk, writeTimeJunk } from '../support/junk';
import { expect } from './fixtures';
import { SEED_DAY_ID as WORKSHOP, testWithSeedDay as test } from './seed-day-profile';
import { storedUpdates, writeStored } from './stored-doc';

/*
 * Junk a peer wrote, as the app meets it: the seed day is stored (imported once per worker, see
 * seed-day-profile.ts), then a seeded update full of junk (tests/support/junk.ts) is appended to the workshop's stored log, exactly where a synced
 * peer update lands. Every tab and every projector view is opened: no panel falls back to its
 * error message and no error escapes to the page (the fixture fails the test on a page error).
 */

const SEED = Number(process.env.PLENUM_SEED ?? 20_261_205);
const TABS = ['plenary', 'tables', 'participants', 'actions', 'minutes', 'connection'];

/**
 * No panel fell back to its error message: asked two frames after the last input, once React has
 * rendered what it caused (and any effect that throws with it), so a late failure is not missed.
 */
const noFallback = async (page: Page, where: string) => {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  await expect(page.getByTestId('error-fallback'), where).toHaveCount(0);
};

for (const round of [0, 1, 2]) {
  test(`a workshop full of a peer's junk opens on every tab and projector view (junk ${round}, seed ${SEED})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/');
    await expect(page.getByTestId('workshop-row')).toHaveCount(1);

    const doc = new Y.Doc();
    for (const update of await storedUpdates(page, WORKSHOP)) Y.applyUpdate(doc, new Uint8Array(update));
    const random = seededRandom(deriveSeed(SEED, 'e2e', round));
    await writeStored(page, WORKSHOP, doc, () => {
      // Round 0: every date and time broken; the others: random junk anywhere, then the times too.
      if (round > 0) for (let peer = 0; peer < 4; peer += 1) writeJunk(doc, random);
      writeTimeJunk(doc, random);
      // A document of another schema is refused as a whole (with its own message): keep it this one.
      doc.getMap(ROOT.meta).set('schemaVersion', SCHEMA_VERSION);
    });

    await page.goto(`/#/workshop/${WORKSHOP}`);
    // The profile's first open of a workshop fetches and compiles the workshop screen's code,
    // which the import did before (and waited for as long: see importAndOpen).
    await expect(page.getByTestId('tab-plenary')).toBeVisible({ timeout: 20_000 });
    for (const tab of TABS) {
      await page.getByTestId(`tab-${tab}`).click();
      await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-current', 'page');
      await noFallback(page, `tab ${tab}`);
    }
    // A table's own board, when the junk left one.
    await page.getByTestId('tab-tables').click();
    const open = page.getByTestId('table-open');
    if ((await open.count()) > 0) {
      await open.first().click();
      await noFallback(page, 'a table board');
    }

    // Each projector view over the same junk; the table view on every board the junk left. Between
    // two views the page goes home (the wall closes the workshop) and the view is stored; the wall
    // then reads the workshop from disk anew, as on a fresh start, without loading the app again.
    const boardIds = [...doc.getMap(ROOT.boards).keys()].slice(0, 3);
    const views = PROJECTOR_VIEWS.flatMap((view): Array<{ view: ProjectorView; id: string }> => (view === 'table' ? boardIds.map((id) => ({ view, id })) : [{ view, id: '' }]));
    for (const { view, id } of views) {
      await page.goto('/#/');
      await expect(page.getByTestId('new-workshop-title')).toBeVisible();
      await writeStored(page, WORKSHOP, doc, () => {
        const run = doc.getMap(ROOT.run);
        run.set('projectorView', view);
        run.set('projectorBoardId', id);
      });
      await page.goto(`/#/projector/${WORKSHOP}`);
      await expect(page.getByTestId('projector')).toHaveAttribute('data-view', view);
      await noFallback(page, `projector ${view} ${id}`);
    }
  });
}
