import { afterEach, describe, expect, it } from 'vitest';
import { currentZoneName, isKnownTimeZone, systemTimeZone, timeZoneOrEmpty, validTimeZone } from '../../shared/model';
import { clockTimeIn, isComputerTimeZone, shownTimeZone, timeZoneLabel, timeZoneShortName } from '../../shared/time-zone';

// 2026-12-05 13:02 UTC: 14:02 in Berlin (winter), 22:02 in Tokyo.
const STARTED = Date.UTC(2026, 11, 5, 13, 2);
const SUMMER = Date.UTC(2026, 6, 1, 12, 0);
const original = process.env.TZ;

afterEach(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

describe('clockTimeIn', () => {
  it.each(['Asia/Tokyo', 'America/New_York', 'Europe/Kyiv', 'UTC'])('shows a Berlin workshop the same on a computer set to %s', (computer) => {
    process.env.TZ = computer;
    // The computer's clock does read otherwise: the test could not tell the zones apart if it did not.
    expect(new Date(STARTED).getHours()).not.toBe(14);
    expect(clockTimeIn(STARTED, 'Europe/Berlin')).toBe('14:02');
    expect(clockTimeIn(SUMMER, 'Europe/Berlin')).toBe('14:00');
    expect(clockTimeIn(STARTED, 'Asia/Tokyo')).toBe('22:02');
  });

  it('writes 24 h with two digits, midnight as 00', () => {
    expect(clockTimeIn(Date.UTC(2026, 11, 5, 23, 5), 'Europe/Berlin')).toBe('00:05');
    expect(clockTimeIn(Date.UTC(2026, 11, 5, 8, 5), 'Europe/Berlin')).toBe('09:05');
  });

  it('shows nothing for no time, a damaged one or a zone this runtime does not know', () => {
    expect(clockTimeIn(0, 'Europe/Berlin')).toBe('');
    expect(clockTimeIn(Number.NaN, 'Europe/Berlin')).toBe('');
    expect(clockTimeIn(9e15, 'Europe/Berlin')).toBe('');
    expect(clockTimeIn(STARTED, 'Mars/Olympus_Mons')).toBe('');
  });

  it('shows nothing rather than throwing when the runtime refuses to format (the agenda must not blank)', () => {
    const proto = Intl.DateTimeFormat.prototype;
    const native = Object.getOwnPropertyDescriptor(proto, 'format');
    if (!native) throw new Error('no Intl.DateTimeFormat.prototype.format');
    Object.defineProperty(proto, 'format', {
      configurable: true,
      get: () => () => {
        throw new RangeError('Invalid time value');
      },
    });
    try {
      expect(clockTimeIn(STARTED, 'Europe/Berlin')).toBe('');
    } finally {
      Object.defineProperty(proto, 'format', native);
    }
    expect(clockTimeIn(STARTED, 'Europe/Berlin')).toBe('14:02');
  });
});

describe('shownTimeZone', () => {
  it("is the workshop's zone, and the computer's for a workshop without one", () => {
    process.env.TZ = 'Asia/Tokyo';
    expect(shownTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(shownTimeZone('')).toBe('Asia/Tokyo');
    expect(shownTimeZone('Mars/Olympus_Mons')).toBe('Asia/Tokyo');
  });
});

describe('isComputerTimeZone', () => {
  it("knows the computer's zone however the runtime spells it", () => {
    process.env.TZ = 'Europe/Kyiv';
    expect(isComputerTimeZone('Europe/Kyiv')).toBe(true);
    expect(isComputerTimeZone(systemTimeZone())).toBe(true);
    expect(isComputerTimeZone('Europe/Berlin')).toBe(false);
    expect(isComputerTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});

describe('timeZoneLabel', () => {
  it('names the zone with its short name and offset at that instant', () => {
    expect(timeZoneLabel('Europe/Berlin', 'de-DE', STARTED)).toBe('Europe/Berlin (MEZ, GMT+1)');
    expect(timeZoneLabel('Europe/Berlin', 'de-DE', SUMMER)).toBe('Europe/Berlin (MESZ, GMT+2)');
    expect(timeZoneLabel('Europe/Berlin', 'en-GB', STARTED)).toBe('Europe/Berlin (CET, GMT+1)');
    expect(timeZoneShortName('Europe/Berlin', 'de-DE', STARTED)).toBe('MEZ');
  });

  it('says the offset once where the locale has no short name', () => {
    expect(timeZoneLabel('Asia/Tokyo', 'de-DE', STARTED)).toBe('Asia/Tokyo (GMT+9)');
    expect(timeZoneLabel('Europe/Berlin', 'uk-UA', STARTED)).toBe('Europe/Berlin (GMT+1)');
  });

  it('keeps an unknown zone as its name', () => {
    expect(timeZoneLabel('Mars/Olympus_Mons', 'de-DE', STARTED)).toBe('Mars/Olympus_Mons');
  });
});

describe('a zone by the name its place uses today', () => {
  it('stores Kyiv as Europe/Kyiv though this runtime may report Europe/Kiev', () => {
    expect(currentZoneName('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(currentZoneName('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(currentZoneName('Europe/Berlin')).toBe('Europe/Berlin');
  });

  it('names a Kyiv computer Europe/Kyiv, as a new workshop stores it', () => {
    process.env.TZ = 'Europe/Kiev';
    expect(systemTimeZone()).toBe('Europe/Kyiv');
    // A workshop saved with the old name is still this computer's zone (no hint that it differs).
    expect(isComputerTimeZone('Europe/Kiev')).toBe(true);
    expect(isComputerTimeZone('Europe/Kyiv')).toBe(true);
  });
});

describe('isKnownTimeZone', () => {
  it('asks the runtime once per zone name, and answers the same every time', () => {
    // The meta snapshot checks the zone on every read, the saver once per write: a formatter each time cost ≈ 0.3 ms.
    const Real = Intl.DateTimeFormat;
    let made = 0;
    Intl.DateTimeFormat = new Proxy(Real, {
      construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        made += 1;
        return new target(...args);
      },
    });
    try {
      expect(isKnownTimeZone('America/Argentina/Ushuaia')).toBe(true);
      expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
      made = 0;
      for (let round = 0; round < 3; round += 1) {
        expect(isKnownTimeZone('America/Argentina/Ushuaia')).toBe(true);
        expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
      }
      expect(made).toBe(0);
    } finally {
      Intl.DateTimeFormat = Real;
    }
  });
});

describe('a known zone, spelled as the zone list spells it', () => {
  it('reads "europe/berlin" (the runtime takes it) as Europe/Berlin, and keeps Kyiv and UTC as they are', () => {
    expect(timeZoneOrEmpty('europe/berlin')).toBe('Europe/Berlin');
    expect(timeZoneOrEmpty('EUROPE/KYIV')).toBe('Europe/Kyiv');
    expect(timeZoneOrEmpty('europe/kiev')).toBe('Europe/Kyiv');
    expect(timeZoneOrEmpty('Europe/Kyiv')).toBe('Europe/Kyiv');
    expect(timeZoneOrEmpty('UTC')).toBe('UTC');
    expect(timeZoneOrEmpty('Mars/Olympus')).toBe('');
    expect(validTimeZone(' asia/tokyo ')).toEqual({ ok: true, value: 'Asia/Tokyo' });
  });
});
