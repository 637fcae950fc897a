import { hostResult, PLENUM_MESSAGE, type HostRefusal, type HostRequest } from '../../shared/protocol/signaling';
import type { SignalingSocket } from './relay-wire';

/**
 * A refused registration is asked again after this long. A rate limit passes; a room another code
 * holds, a code in use or a full server give way once the laptops holding those rooms have been
 * gone for the server's lapse (a minute: electron/services/room-registry.ts), so a second laptop
 * hosting a workshop from its backup takes it over by itself. A restarted server reconnects the
 * socket, which registers again at once.
 */
export const HOST_RETRY_MS = 15_000;

/**
 * Registers the room with each signaling server a socket reaches, now and after each reconnect,
 * and reads each server's answer: `onRefusals` gets the refusals of the servers that refused (the
 * UI says so; before, a refused room looked connected while no table or phone could join).
 */
export function hostRegistration(room: string, verifier: string, onRefusals: (refusals: HostRefusal[]) => void): { attach(socket: SignalingSocket): void; stop(): void } {
  const refusals = new Map<SignalingSocket, HostRefusal>();
  const retries = new Map<SignalingSocket, ReturnType<typeof setTimeout>>();
  const report = () => onRefusals([...refusals.values()]);
  const register = (socket: SignalingSocket) => {
    clearTimeout(retries.get(socket));
    retries.delete(socket);
    if (!socket.connected) return;
    const request: HostRequest = { type: PLENUM_MESSAGE.host, room, verifier };
    socket.send(request);
  };
  const answered = (socket: SignalingSocket, message: unknown) => {
    // Any other message of the server's is not an answer (a plain y-webrtc server sends none).
    const read = hostResult.safeParse(message);
    if (!read.success) return;
    if (read.data.ok) refusals.delete(socket);
    else {
      refusals.set(socket, read.data.reason);
      clearTimeout(retries.get(socket));
      retries.set(socket, setTimeout(() => register(socket), HOST_RETRY_MS));
    }
    report();
  };
  /** A server that went away refuses nothing: the header says "reconnecting" then, not "refused". */
  const gone = (socket: SignalingSocket) => {
    if (refusals.delete(socket)) report();
  };
  const hosted = new Map<SignalingSocket, { connect: () => void; disconnect: () => void; message: (message: unknown) => void }>();
  return {
    attach(socket) {
      if (hosted.has(socket)) return;
      const listeners = { connect: () => register(socket), disconnect: () => gone(socket), message: (message: unknown) => answered(socket, message) };
      hosted.set(socket, listeners);
      socket.on('connect', listeners.connect);
      socket.on('disconnect', listeners.disconnect);
      socket.on('message', listeners.message);
      register(socket);
    },
    stop() {
      for (const [socket, listeners] of hosted) {
        socket.off('connect', listeners.connect);
        socket.off('disconnect', listeners.disconnect);
        socket.off('message', listeners.message);
      }
      hosted.clear();
      for (const timer of retries.values()) clearTimeout(timer);
      retries.clear();
    },
  };
}
