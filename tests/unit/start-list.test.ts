import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetStartList, readStartList, startList } from '../../renderer/features/home/start-list';
import type { WorkshopList, WorkshopStore } from '../../renderer/storage/workshop-store';

const LIST = [] as unknown as WorkshopList;

/** A store whose list read settles when the test says so. */
function storeReading(): { store: WorkshopStore; settle(list: WorkshopList): void } {
  let settle: (list: WorkshopList) => void = () => undefined;
  const reading = new Promise<WorkshopList>((resolve) => (settle = resolve));
  return { store: { listWorkshops: () => reading } as unknown as WorkshopStore, settle: (list) => settle(list) };
}

afterEach(() => {
  forgetStartList();
  vi.useRealTimers();
});

describe('the home list read at start-up', () => {
  it('is given to the first home screen, twice in the same task (StrictMode), and to no later one', async () => {
    const { store, settle } = storeReading();
    settle(LIST);
    await readStartList(store, 300);
    expect(startList(store)).toBe(LIST);
    expect(startList(store)).toBe(LIST);
    await Promise.resolve();
    expect(startList(store)).toBeNull();
  });

  it('stops waiting after its budget and drops a read that comes later, so a stuck store never keeps the window blank', async () => {
    vi.useFakeTimers();
    const { store, settle } = storeReading();
    let waited = false;
    const waiting = readStartList(store, 300).then(() => (waited = true));
    await vi.advanceTimersByTimeAsync(299);
    expect(waited).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    settle(LIST);
    await vi.runAllTimersAsync();
    expect(startList(store)).toBeNull();
  });

  it('is not given for another store, nor after a failed read', async () => {
    const { store, settle } = storeReading();
    settle(LIST);
    await readStartList(store, 300);
    expect(startList(storeReading().store)).toBeNull();
    forgetStartList();
    const failing = { listWorkshops: () => Promise.reject(new Error('disk')) } as unknown as WorkshopStore;
    await readStartList(failing, 300);
    expect(startList(failing)).toBeNull();
  });
});
