import { createContext, useContext } from 'react';
import type { HostApi } from '../../shared/host-api';

export const HostContext = createContext<HostApi | null>(null);

/** The host bridge this renderer was started with (Electron's or the browser's), or a test's. */
export function useHost(): HostApi {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost outside HostContext');
  return host;
}
