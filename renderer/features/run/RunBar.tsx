import type { WorkshopSession } from '../../session/workshop-session';

/** Placeholder until this view is built. */
export function RunBar(_props: { session: WorkshopSession; role?: 'host' | 'table' | null }) {
  return null;
}
