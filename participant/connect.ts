import type { PhoneLink, PhoneLinkState } from '../shared/phone/client';
import { secretInFragment } from '../shared/protocol/phone-wire';

/*
 * The one seam between the page and its transport (participant/link/phone-link.ts, the phone's
 * side of shared/protocol/phone-wire.ts), built on its own branch. Once it is merged, `openLink`
 * is `openPhoneLink({ secret })` from './link/phone-link' (tests/e2e/phone-page-link.spec.ts then
 * runs the shipped page end to end). Until then the page says it is connecting — it never
 * pretends to be in a room — and that an address without a code has none.
 */
export function connectPhone(hash: string): PhoneLink {
  const secret = secretInFragment(hash);
  return secret ? openLink(secret) : fixedLink({ kind: 'wrongCode' });
}

function openLink(secret: string): PhoneLink {
  void secret;
  return fixedLink({ kind: 'connecting' });
}

/** A link that stays in one state: nothing to send to, nothing to hear. */
function fixedLink(state: PhoneLinkState): PhoneLink {
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
