import type { HostApi } from '../../shared/host-api';
import { webHost } from './web';

declare global {
  interface Window {
    /** Set by Electron's preload script; absent in a plain browser. */
    plenum?: HostApi;
  }
}

/** The host of this renderer: Electron's bridge when present, browser APIs otherwise. */
export const host: HostApi = window.plenum ?? webHost;
