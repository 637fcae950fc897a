import type { HostApi, HostResult } from '../../shared/host-api';
import { withPrintFont } from '../../shared/minutes/print-font';
import { embeddedFontCss } from './print-fonts';

/** Popup features: a window of its own (a features string with a size is what makes it one), 16:9. */
const PROJECTOR_POPUP = 'popup,width=1280,height=720';

/** A `pdf:save` failure: the code the print needs did not load; the minutes' screen says so. */
export const CODE_NOT_LOADED = 'code-not-loaded';

const done = <T>(value: T): Promise<HostResult<T>> => Promise.resolve({ ok: true, value });

/**
 * The host bridge in a plain browser: files become downloads, the projector a window of its own.
 * Same contract as Electron's, so every screen works in both.
 */
export const webHost: HostApi = {
  'app:info': () => done({ kind: 'web', version: import.meta.env.VITE_APP_VERSION ?? 'dev', platform: navigator.platform }),
  // The page sets its dates' locale itself (DateField); the browser's own locale is the user's.
  'app:language': () => done({ stored: false }),
  'file:save': ({ suggestedName, mimeType, data }) => {
    const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type: mimeType });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = suggestedName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return done({ saved: true });
  },
  // A browser cannot write a PDF itself: the minutes open in a tab of their own with the print
  // dialog, where "Save as PDF" is one click. The page is the minutes' self-contained HTML, Inter inside.
  'pdf:save': async ({ minutes: { workshop, language, timeZone, generatedAt } }) => {
    // The tab first, while the click still counts as the user's: a popup opened later is blocked.
    const page = window.open('', '_blank');
    if (!page) return { ok: false, error: 'popup-blocked' };
    let html: string;
    try {
      // The minutes' code loads with the first print, not with the app's start.
      const { buildMinutes, renderHtml } = await import('../../shared/minutes');
      html = withPrintFont(renderHtml(buildMinutes(workshop, { language, timeZone, now: generatedAt })), await embeddedFontCss());
    } catch {
      // Its chunk or the font did not load (connection lost): no empty tab left behind.
      page.close();
      return { ok: false, error: CODE_NOT_LOADED };
    }
    page.document.open();
    page.document.write(html);
    page.document.close();
    page.focus();
    page.print();
    return { ok: true, value: { saved: false, printDialog: true } };
  },
  'mail:open': ({ url }) => {
    const link = document.createElement('a');
    link.href = url;
    link.click();
    return done({ opened: true });
  },
  // A popup window, not a tab: it can be dragged onto the projector's screen, where it offers full
  // screen itself (renderer/features/projector/BeamerBar.tsx). Its name makes a second click
  // re-target the same window instead of opening another.
  'projector:open': ({ workshopId }) => {
    const opened = window.open(`#/projector/${encodeURIComponent(workshopId)}`, 'plenum-projector', PROJECTOR_POPUP);
    opened?.focus();
    return done({ opened: opened !== null });
  },
  // A browser can neither listen on a port nor send multicast: hosting and discovery need the desktop app.
  'hosting:start': () => Promise.resolve({ ok: false, error: 'hosting-needs-desktop' }),
  'hosting:stop': () => done({ stopped: false }),
  'hosting:status': () => done({ running: false, addresses: [] }),
  'discovery:list': () => done({ sessions: [] }),
  // A browser has no application menu of its own to fill.
  'menu:update': () => done({ applied: false }),
  // A browser opens files through the import button only.
  'file:takeOpened': () => done([]),
};
