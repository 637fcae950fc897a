import { z } from 'zod';
import { ID_PATTERN } from './model/plain';

/*
 * Apart from host-api.ts, whose contract checks whole workshops (the model's index, Yjs with it):
 * the window parses menu commands from its start on, and its start does not load the model.
 */

/**
 * What a click in the native menu asks the window to do (Electron sends it on MENU_COMMAND_EVENT).
 * The renderer parses it like any other input before it acts.
 */
export const menuCommandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('home') }),
  z.object({ kind: z.literal('newWorkshop') }),
  z.object({ kind: z.literal('openWorkshop'), id: z.string().regex(ID_PATTERN) }),
  z.object({ kind: z.literal('about') }),
]);
export type MenuCommand = z.infer<typeof menuCommandSchema>;
