/** One entry of `os.networkInterfaces()`; `family` is a number (4 / 6) on Node 18.0–18.3. */
export type InterfaceAddress = {
  readonly address: string;
  readonly family: string | number;
  readonly internal: boolean;
};

/** The shape of `os.networkInterfaces()`, loose enough for a test to write by hand. */
export type InterfaceTable = Readonly<Record<string, readonly InterfaceAddress[] | undefined>>;

// Container, VM and VPN bridges: reachable from this machine only (or from a tunnel), never from a table laptop on
// the venue Wi-Fi. Kept, but listed last, because a moderator in a VM may still need one.
const VIRTUAL_INTERFACE = /^(docker|br-|veth|virbr|vboxnet|vmnet|vethernet|cni|flannel|podman|lxc|lxd|tailscale|zt|tun|tap|utun|wg)/i;
// Windows names adapters by product ("OpenVPN TAP-Windows6", "ProtonVPN", "NordLynx", "VirtualBox Host-Only Network").
const VIRTUAL_PRODUCT = /(vpn|wireguard|zerotier|tailscale|nordlynx|anyconnect|fortinet|globalprotect|hyper-v|virtualbox|vmware|wsl)/i;
// 100.64/10 is carrier-grade NAT, which overlay VPNs (Tailscale, some corporate ones) hand out; no venue Wi-Fi does.
const isSharedAddressSpace = (address: string) => {
  const [first, second] = address.split('.').map(Number);
  return first === 100 && second !== undefined && second >= 64 && second <= 127;
};
const isVirtual = (name: string, address: string) => VIRTUAL_INTERFACE.test(name) || VIRTUAL_PRODUCT.test(name) || isSharedAddressSpace(address);

const isIPv4 = (entry: InterfaceAddress) => entry.family === 'IPv4' || entry.family === 4;

// 169.254/16: what a laptop gives itself when DHCP failed; no other laptop can reach it.
const isLinkLocal = (address: string) => address.startsWith('169.254.');

/**
 * The IPv4 addresses of this machine that other laptops on the LAN may reach, best first: physical interfaces
 * (Wi-Fi, Ethernet) in the order the system lists them, then virtual bridges. Loopback and link-local are left
 * out. IPv6 is left out because the signaling server binds 0.0.0.0 (IPv4) and join codes stay short.
 */
export function lanAddresses(interfaces: InterfaceTable): string[] {
  const physical: string[] = [];
  const virtual: string[] = [];
  for (const [name, entries] of Object.entries(interfaces)) {
    for (const entry of entries ?? []) {
      if (!isIPv4(entry) || entry.internal || isLinkLocal(entry.address)) continue;
      (isVirtual(name, entry.address) ? virtual : physical).push(entry.address);
    }
  }
  return [...new Set([...physical, ...virtual])];
}

/** `ws://` URL of a signaling server; IPv6 literals get their brackets. */
export function signalingUrl(address: string, port: number): string {
  return address.includes(':') ? `ws://[${address}]:${port}` : `ws://${address}:${port}`;
}
