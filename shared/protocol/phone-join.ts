import { phonePageUrl } from './phone-wire';

/** A host name a phone in the room cannot reach: the laptop's own loopback. */
function isLoopback(address: string): boolean {
  const host = /^wss?:\/\/(\[[^\]]*\]|[^/:?#]+)/.exec(address)?.[1]?.toLowerCase() ?? '';
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.');
}

/**
 * The participant page's address for phones, from the host's signaling addresses (the invite's):
 * the first room-network address, because a phone cannot reach the laptop's 127.0.0.1; the first
 * address only when there is no other (a test on one machine). Null when none is a signaling URL.
 */
export function phoneJoinUrl(addresses: readonly string[], secret: string): string | null {
  const reachable = addresses.filter((address) => !isLoopback(address));
  for (const address of reachable.length > 0 ? reachable : addresses) {
    const url = phonePageUrl(address, secret);
    if (url) return url;
  }
  return null;
}
