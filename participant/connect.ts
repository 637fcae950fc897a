import type { PhoneLink, PhoneLinkState } from '../shared/phone/client';
import { secretInFragment } from '../shared/protocol/phone-wire';

/*
 * The one seam between the page and its transport. The transport (participant/link/, the phone's
 * side of shared/protocol/phone-wire.ts) is built on its own branch; when it is merged, this
 * function returns its link for `secret`. Until then the page says it is connecting, and that a
 * page without a code has none — it never pretends to be in a room.
 */
export function connectPhone(hash: string): PhoneLink {
  const secret = secretInFragment(hash);
  const state: PhoneLinkState = secret ? { kind: 'connecting' } : { kind: 'wrongCode' };
  return {
    state,
    view: null,
    pending: [],
    clockOffsetMs: 0,
    send: () => '',
    subscribe: () => () => undefined,
    close: () => undefined,
  };
}
