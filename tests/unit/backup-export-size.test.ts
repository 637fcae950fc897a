import { describe, expect, it } from 'vitest';
import { addCard, PLENARY_BOARD_ID } from '../../shared/model';
import { BACKUP_MAX_MB } from '../../shared/model';
import { exportWorkshopBackup } from '../../renderer/features/minutes/minutes-export';
import { buildMinutes } from '../../shared/minutes';
import { workshopSnapshot } from '../../shared/model';
import { fakeHost } from '../support/fake-host';
import { newWorkshop } from '../support/workshop';

/** A host that records what it was asked to save. */
function recordingHost() {
  const saved: string[] = [];
  const host = fakeHost({
    'file:save': async ({ data }) => {
      saved.push(typeof data === 'string' ? data : new TextDecoder().decode(data));
      return { ok: true as const, value: { saved: true, path: '/tmp/x.plenum' } };
    },
  });
  return { host, saved };
}

describe('exporting a backup', () => {
  it('refuses a workshop whose backup no import would take back, and writes nothing', async () => {
    const doc = newWorkshop();
    const big = 'x'.repeat(200_000);
    // 200,000 characters a card: a little over the limit in all.
    const cards = Math.ceil((BACKUP_MAX_MB * 1024 * 1024) / big.length) + 2;
    for (let i = 0; i < cards; i++) expect(addCard(doc, { boardId: PLENARY_BOARD_ID, text: big }).ok).toBe(true);
    const { host, saved } = recordingHost();
    const outcome = await exportWorkshopBackup(host, doc, buildMinutes(workshopSnapshot(doc), { language: 'en' }));
    expect(outcome).toMatchObject({ kind: 'backupTooBig', limitMb: BACKUP_MAX_MB });
    expect(outcome.kind === 'backupTooBig' && outcome.sizeMb).toBeGreaterThan(BACKUP_MAX_MB);
    expect(saved).toEqual([]);
  });

  it('writes a workshop under the limit', async () => {
    const doc = newWorkshop();
    addCard(doc, { boardId: PLENARY_BOARD_ID, text: 'klein' });
    const { host, saved } = recordingHost();
    const outcome = await exportWorkshopBackup(host, doc, buildMinutes(workshopSnapshot(doc), { language: 'en' }));
    expect(outcome).toEqual({ kind: 'saved', path: '/tmp/x.plenum' });
    expect(saved).toHaveLength(1);
  });
});
