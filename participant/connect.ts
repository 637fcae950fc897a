import type { PhoneLink } from '../shared/phone/client';
import { normalizeJoinSecret } from '../shared/protocol/join-secret';
import { secretInFragment } from '../shared/protocol/phone-wire';
import { openPhoneLink } from './link/phone-link';

/** A link for a page whose address holds no join code: it says so and never pretends to be in a room. */
const noRoom: PhoneLink = {
  state: { kind: 'wrongCode' },
  view: null,
  pending: [],
  clockOffsetMs: 0,
  send: () => '',
  subscribe: () => () => undefined,
  close: () => undefined,
};

/** The page's link to the room of the code in its address (`#SECRET`, as the QR code holds it). */
export function connectPhone(hash: string): PhoneLink {
  const secret = normalizeJoinSecret(secretInFragment(hash));
  return secret.ok ? openPhoneLink({ secret: secret.value }) : noRoom;
}
