import { useSyncExternalStore } from 'react';

/** Where the app is. Hash routes work the same from app://plenum/ and from any web host. */
export type Route =
  | { screen: 'home' }
  | { screen: 'workshop'; id: string }
  | { screen: 'projector'; id: string };

export function parseRoute(hash: string): Route {
  const [, screen, rawId] = hash.replace(/^#/, '').split('/');
  const id = rawId ? decodeURIComponent(rawId) : '';
  if (screen === 'workshop' && id) return { screen: 'workshop', id };
  if (screen === 'projector' && id) return { screen: 'projector', id };
  return { screen: 'home' };
}

export function routeHash(route: Route): string {
  return route.screen === 'home' ? '#/' : `#/${route.screen}/${encodeURIComponent(route.id)}`;
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

const subscribe = (listener: () => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
