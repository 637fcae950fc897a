import { describe, expect, it } from 'vitest';
import { fileErrorText, hostingErrorText } from '../../renderer/host/host-error';
import { UI_LANGUAGES, uiTexts, type UiLanguage } from '../../renderer/i18n/resources';

/** A `t` over the UI's own texts, without interpolation (these sentences have none). */
function translator(language: UiLanguage): (key: string) => string {
  return (key) => {
    const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], uiTexts[language]);
    if (typeof text !== 'string') throw new Error(`no text ${language}:${key}`);
    return text;
  };
}

describe("a host's failure in the UI's words", () => {
  it.each(UI_LANGUAGES)('names no code, path or English of the host (%s)', (language) => {
    const t = translator(language);
    const said = fileErrorText(t, "file:save: EACCES: permission denied, open '/x/y'");
    expect(said).toBe(t('errors.file.noPermission'));
    expect(said).not.toMatch(/EACCES|\/x\/y|permission denied/);
  });

  it('reads the code main adds to a message written for people, and Node\'s own', () => {
    const t = translator('en');
    expect(fileErrorText(t, 'file:save: Could not save: the disk is full; "/x/y" was not written. [ENOSPC]')).toBe(t('errors.file.diskFull'));
    expect(fileErrorText(t, "pdf:save: EROFS: read-only file system, open '/x/y'")).toBe(t('errors.file.readOnly'));
    expect(fileErrorText(t, 'file:save: Could not save: "/x/y" is in use by another program. [EBUSY]')).toBe(t('errors.file.inUse'));
    // A code not about files (in a path, say) is passed over for the one that is.
    expect(fileErrorText(t, 'file:save: Could not save: no permission to write "/EXPORT/y". [EPERM]')).toBe(t('errors.file.noPermission'));
  });

  it('says what it can when the host names no code', () => {
    const t = translator('de');
    expect(fileErrorText(t, 'untrusted sender')).toBe(t('errors.file.notWritten'));
    expect(fileErrorText(t, 'pdf:save: invalid input — minutes.timeZone: expected an IANA time zone')).toBe(t('errors.file.notWritten'));
  });

  it('tells a taken port from other reasons hosting did not start', () => {
    const t = translator('uk');
    expect(hostingErrorText(t, 'hosting:start: port 4444 is in use [EADDRINUSE]')).toBe(t('errors.hosting.portInUse'));
    expect(hostingErrorText(t, 'hosting:start: cannot listen on 0.0.0.0:4444 (EMFILE)')).toBe(t('errors.hosting.unknown'));
  });
});
