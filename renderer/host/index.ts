import type { HostApi, HostBridge } from '../../shared/host-api';
import { webHost } from './web';

declare global {
  interface Window {
    /** Set by Electron's preload script; absent in a plain browser. */
    plenum?: HostBridge;
  }
}

/**
 * The host of this renderer: Electron's bridge when its preload set one, browser APIs otherwise.
 * Asked once at start-up (main.tsx), which hands it down through HostContext
 * (renderer/hooks/use-host.ts); a test passes its own (tests/support/fake-host.ts).
 */
export function detectHost(): HostApi {
  return window.plenum ?? webHost;
}
