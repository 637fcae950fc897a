/**
 * What the person is typing for the board, kept on the phone until the laptop took it: a phone
 * that sleeps, reloads or loses the Wi-Fi mid-sentence keeps the text. `commandId` is the add
 * command sent with it, so the field clears when that command is answered "ok", not before.
 */
export interface Draft {
  text: string;
  anonymous: boolean;
  commandId: string | null;
}

const KEY = 'plenum.phone.draft';
export const EMPTY_DRAFT: Draft = { text: '', anonymous: false, commandId: null };

/** The stored draft; an empty one when there is none, storage is refused or the entry is damaged. */
export function loadDraft(): Draft {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (raw === null || typeof raw !== 'object') return EMPTY_DRAFT;
    const { text, anonymous, commandId } = raw as Record<string, unknown>;
    return {
      text: typeof text === 'string' ? text : '',
      anonymous: anonymous === true,
      commandId: typeof commandId === 'string' ? commandId : null,
    };
  } catch {
    return EMPTY_DRAFT;
  }
}

export function saveDraft(draft: Draft): void {
  try {
    if (!draft.text && !draft.commandId) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Not kept across a reload, still in the field.
  }
}
