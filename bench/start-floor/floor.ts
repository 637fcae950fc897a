/*
 * The cold start's floor (bench/suites/app-start.ts): the least a page of the app's origin can do
 * and still be measured as the app is: one search field and a list of 50 workshops that the
 * typed search filters, in plain DOM. `?source=static`: the 50 titles are in the script;
 * `?source=idb`: they are read from the app's seeded IndexedDB (its index rows, one readonly
 * getAll, no Dexie, no validation). What is left of cold-start above these is the app's own.
 */

interface IndexRow {
  title: string;
  updatedAt: number;
  deletedAt: number | null;
}

const search = document.querySelector<HTMLInputElement>('[data-testid="workshop-search"]');
const list = document.querySelector<HTMLUListElement>('[data-testid="workshop-list"]');

function show(titles: readonly string[]): void {
  if (!search || !list) throw new Error('the floor page lacks its search or list');
  const render = () => {
    const needle = search.value.trim().toLocaleLowerCase();
    list.replaceChildren(
      ...titles
        .filter((title) => title.toLocaleLowerCase().includes(needle))
        .map((title) => {
          const item = document.createElement('li');
          item.textContent = title;
          return item;
        }),
    );
  };
  search.addEventListener('input', render);
  render();
}

/** The app's index rows, newest first, as one readonly transaction reads them. */
function readIndex(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // No version: opens the seeded database as it is, never upgrades or creates its stores.
    const opening = indexedDB.open('plenum');
    opening.onerror = () => reject(opening.error ?? new Error('open failed'));
    opening.onsuccess = () => {
      const reading = opening.result.transaction('workshops', 'readonly').objectStore('workshops').getAll();
      reading.onerror = () => reject(reading.error ?? new Error('read failed'));
      reading.onsuccess = () => {
        const rows = reading.result as IndexRow[];
        resolve(rows.filter((row) => row.deletedAt === null).sort((a, b) => b.updatedAt - a.updatedAt).map((row) => row.title));
      };
    };
  });
}

const source = new URLSearchParams(window.location.search).get('source');
if (source === 'idb') {
  void readIndex().then(show);
} else {
  show(Array.from({ length: 50 }, (_, index) => `Workshop ${String(index + 1).padStart(2, '0')}`));
}
