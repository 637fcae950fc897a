import { z } from 'zod';
import { PHONE_PROTOCOL_VERSION, phoneReplySchema, phoneViewSchema, type PhoneReply, type PhoneView } from './protocol';

/**
 * What the host laptop seals for phones (shared/protocol/phone-wire.ts carries it): the answer
 * to one command, or what the phone shows now. A phone reads it with this schema and drops
 * anything else: a view is what the laptop wrote, but it arrives over the network.
 */
export const phoneDownSchema = z.union([
  phoneReplySchema,
  z.strictObject({ v: z.literal(PHONE_PROTOCOL_VERSION), type: z.literal('view'), view: phoneViewSchema }),
]);

export type PhoneDown = PhoneReply | { v: typeof PHONE_PROTOCOL_VERSION; type: 'view'; view: PhoneView };

export const viewMessage = (view: PhoneView): PhoneDown => ({ v: PHONE_PROTOCOL_VERSION, type: 'view', view });
