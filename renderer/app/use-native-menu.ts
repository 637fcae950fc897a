import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MenuLanguage } from '../../shared/host-api';
import { isLanguage } from '../../shared/language-locale';
import { useHost } from '../hooks/use-host';
import { useStore } from '../hooks/use-store';
import { onMenuCommand } from '../host/menu';
import { useNewWorkshopRequest } from '../state/new-workshop-request';
import { navigate, type Route } from '../state/route';

/** How many workshops the host's "Open Recent" is told about (it shows fewer). */
const RECENT_SENT = 10;

/**
 * The native application menu (Electron): kept in the UI's language and offering the workshops
 * changed last, and what its clicks do in this window. A browser's host ignores both.
 */
export function useNativeMenu(route: Route, enabled: boolean): void {
  const { i18n } = useTranslation();
  const host = useHost();
  const store = useStore();
  const requestNewWorkshop = useNewWorkshopRequest((state) => state.request);
  const current = i18n.resolvedLanguage ?? i18n.language;
  const language: MenuLanguage = isLanguage(current) ? current : 'de';
  // Opening a workshop (a route change) reorders the list; a title edited meanwhile shows by the next change.
  const routeKey = route.screen === 'home' ? 'home' : `${route.screen}:${route.id}`;

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    const send = async () => {
      const list = await store.listWorkshops().catch(() => ({ workshops: [] }));
      if (!current) return;
      const recent = list.workshops.slice(0, RECENT_SENT).map(({ id, title }) => ({ id, title: title.slice(0, 200) }));
      const result = await host['menu:update']({ language, recent });
      if (!result.ok) console.warn('menu not updated', result.error);
    };
    void send();
    window.addEventListener('focus', send);
    return () => {
      current = false;
      window.removeEventListener('focus', send);
    };
  }, [enabled, host, store, language, routeKey]);

  useEffect(() => {
    if (!enabled) return;
    return onMenuCommand((command) => {
      if (command.kind === 'openWorkshop') navigate({ screen: 'workshop', id: command.id });
      else if (command.kind === 'home') navigate({ screen: 'home' });
      else if (command.kind === 'newWorkshop') {
        navigate({ screen: 'home' });
        requestNewWorkshop();
      }
    });
  }, [enabled, requestNewWorkshop]);
}
