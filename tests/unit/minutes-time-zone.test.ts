import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/*
 * Minutes of one workshop are the same whatever zone the exporting computer is in: a Kyiv laptop
 * printed a Berlin workshop an hour off, a Tokyo one nine. Each zone is its own Node process (TZ is
 * read when a process starts), building the minutes of the seed day (Europe/Berlin) in every format.
 */
const ZONES = ['Asia/Tokyo', 'America/New_York', 'Europe/Kyiv'] as const;

function minutesIn(zone: string): Promise<{ offset: number } & Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/minutes-in-zone.ts'], { env: { ...process.env, TZ: zone } });
    // Whole buffers, decoded once: a chunk may end inside a UTF-8 character.
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as { offset: number }) : reject(new Error(`exit ${code}: ${Buffer.concat(err).toString('utf8')}`)),
    );
  });
}

describe('the minutes in the workshop\'s time zone', () => {
  it(`are identical under ${ZONES.join(', ')}`, async () => {
    const results = await Promise.all(ZONES.map(minutesIn));
    // The processes really ran in their zones (UTC+9, UTC−5, UTC+2 on the day).
    expect(results.map((result) => result.offset)).toEqual([-540, 300, -120]);
    const [first, ...rest] = results.map(({ offset: _offset, ...minutes }) => minutes);
    for (const other of rest) expect(other).toEqual(first);
    // …and say the workshop's Berlin times.
    const md = (first?.de as { md: string }).md;
    expect(md).toContain('geplant: 14:00–14:15 (15 Min.) · tatsächlich: 14:02–14:17 (15 Min.)');
    expect(md).toContain('**Zeit:** 14:02–16:57 Uhr (Zeitzone Europe/Berlin)');
    expect(md).toContain('Erstellt mit Plenum am 7. Dezember 2023');
  }, 120_000);
});
