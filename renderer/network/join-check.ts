import { joinVerifier } from '../../shared/protocol/join-secret';
import { joinResult, PLENUM_MESSAGE, type JoinCheckRequest } from '../../shared/protocol/signaling';

export type JoinCheck =
  | { ok: true; room: string; url: string }
  | { ok: false; reason: 'wrong-code' | 'unreachable' | 'rate-limited' | 'host-waiting' | 'code-replaced' };

/**
 * Asks the host's signaling server whether a join code opens a workshop, before y-webrtc is
 * started: with a wrong password y-webrtc never connects and never says why. The server holds
 * only the one-way verifier the host registered, so this reveals nothing about the workshop to
 * someone with a wrong code. Every address is tried at once; the first "yes" wins.
 */
export async function checkJoinCode(urls: readonly string[], secret: string, timeoutMs = 5000): Promise<JoinCheck> {
  const verifier = await joinVerifier(secret);
  const answers = urls.map((url) => askOne(url, verifier, timeoutMs));
  const results = await Promise.all(answers.map((answer) => answer.catch((): JoinCheck => ({ ok: false, reason: 'unreachable' }))));
  const yes = results.find((result) => result.ok);
  if (yes) return yes;
  if (results.some((result) => !result.ok && result.reason === 'rate-limited')) return { ok: false, reason: 'rate-limited' };
  for (const reason of ['host-waiting', 'code-replaced'] as const) if (results.some((result) => !result.ok && result.reason === reason)) return { ok: false, reason };
  if (results.some((result) => !result.ok && result.reason === 'wrong-code')) return { ok: false, reason: 'wrong-code' };
  return { ok: false, reason: 'unreachable' };
}

function askOne(url: string, verifier: string, timeoutMs: number): Promise<JoinCheck> {
  return new Promise((resolve) => {
    let socket: WebSocket;
    try {
      socket = new WebSocket(url);
    } catch {
      resolve({ ok: false, reason: 'unreachable' });
      return;
    }
    const finish = (result: JoinCheck) => {
      clearTimeout(timer);
      socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null;
      socket.close();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'unreachable' }), timeoutMs);
    const request: JoinCheckRequest = { type: PLENUM_MESSAGE.joinCheck, verifier };
    socket.onopen = () => socket.send(JSON.stringify(request));
    socket.onerror = () => finish({ ok: false, reason: 'unreachable' });
    socket.onclose = () => finish({ ok: false, reason: 'unreachable' });
    socket.onmessage = (event: MessageEvent) => {
      let message: unknown;
      try {
        message = JSON.parse(String(event.data));
      } catch {
        return;
      }
      const answer = joinResult.safeParse(message);
      if (answer.success) finish(answer.data.ok ? { ok: true, room: answer.data.room, url } : { ok: false, reason: answer.data.reason ?? 'wrong-code' });
      // An answer the server got wrong opens nothing; any other message is not the answer.
      else if (isAnswer(message)) finish({ ok: false, reason: 'wrong-code' });
    };
  });
}

function isAnswer(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === PLENUM_MESSAGE.joinResult;
}
