import { buildPeerBundles } from './peer-bundles';

/** Once per `vitest run`, before any worker starts: the peer processes' bundles (see peer-bundles.ts). */
export default async function setup(): Promise<void> {
  await buildPeerBundles();
}
