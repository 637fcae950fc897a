import { z } from 'zod';
import { LIMITS } from '../../shared/model/plain';
import { LAPTOP_NAME_MAX } from '../../shared/protocol/laptop-name';

/*
 * The store's row checks as zod schemas, apart from workshop-store.ts: it is on the app's start,
 * and zod's module and schemas cost more there than the list read they would check. The store loads
 * this for a connection and for the reason a refused index row shows; sound index rows are read by
 * readIndexRow, which answers as indexRowSchema does.
 */

export const indexRowSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  date: z.string(),
  // Not in rows written before the venue was entered; a damaged value reads as not set, the row stays usable.
  venue: z.string().max(LIMITS.shortTextMax).catch(''),
  room: z.string().max(LIMITS.shortTextMax).catch(''),
  createdAt: z.number(),
  updatedAt: z.number(),
  deletedAt: z.number().nullable(),
});

export const connectionSchema = z.object({
  workshopId: z.string().min(1),
  role: z.enum(['host', 'table']),
  secret: z.string().min(1),
  signaling: z.array(z.string().startsWith('ws')).max(8),
  name: z.string().max(LAPTOP_NAME_MAX),
  tableId: z.string().nullable(),
  updatedAt: z.number(),
  left: z.boolean().optional(),
});
