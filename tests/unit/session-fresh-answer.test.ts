import { describe, expect, it } from 'vitest';
import { answerOffersFresh, type AnsweringConnection } from '../../renderer/network/fresh-answer';

type Listener = (value?: unknown) => void;

/** A stand-in simple-peer: records what it is signalled and whether it was destroyed. */
class StandInPeer {
  static made: StandInPeer[] = [];
  readonly signalled: unknown[] = [];
  destroyed = false;
  prepared = 0;
  private readonly heard = new Map<string, Listener[]>();
  constructor(readonly options: { initiator?: boolean; config?: unknown }) {
    StandInPeer.made.push(this);
  }
  on(event: string, listener: Listener) {
    this.heard.set(event, [...this.listeners(event), listener]);
    return this;
  }
  listeners(event: string): Listener[] {
    return this.heard.get(event) ?? [];
  }
  removeAllListeners(event: string) {
    this.heard.delete(event);
  }
  emit(event: string, value?: unknown) {
    const listeners = this.listeners(event);
    // As Node's EventEmitter: an error nobody listens to is thrown.
    if (event === 'error' && listeners.length === 0) throw value;
    for (const listener of listeners) listener(value);
  }
  get initiator() {
    return this.options.initiator === true;
  }
  signal(data: unknown) {
    if (this.destroyed) throw new Error('cannot signal after peer is destroyed');
    this.signalled.push(data);
  }
  destroy() {
    this.destroyed = true;
    this.emit('close');
  }
}

const OFFER = { type: 'offer', sdp: 'v=0 offer' };
const ANSWER = { type: 'answer', sdp: 'v=0 answer' };
const CANDIDATE = { type: 'candidate', candidate: { candidate: 'candidate:1 1 udp 1 10.0.0.2 5000 typ host' } };
const PEER_OPTS = { config: { iceServers: [] } };

/** A stand-in y-webrtc WebrtcConn with its listeners on the peer, as y-webrtc attaches them. */
function connection(initiator: boolean) {
  StandInPeer.made = [];
  const heard: string[] = [];
  const conn: AnsweringConnection<StandInPeer> = {
    peer: new StandInPeer({ initiator, ...PEER_OPTS }),
    connected: false,
    closed: false,
    room: { provider: { peerOpts: PEER_OPTS } },
  };
  for (const event of ['signal', 'connect', 'close', 'error', 'data']) conn.peer.on(event, (value: unknown) => heard.push(`${event}${value === undefined ? '' : ` ${JSON.stringify(value)}`}`));
  const prepare = (prepared: AnsweringConnection<StandInPeer>) => {
    prepared.peer.prepared += 1;
  };
  prepare(conn);
  answerOffersFresh(conn, { preparePeer: prepare });
  return { conn, heard };
}

describe('an offer that reaches a connection which initiates itself (glare, this side answers)', () => {
  it('is answered by a fresh answering peer that has every listener and preparation of the old one; the old one is closed without a word', () => {
    const { conn, heard } = connection(true);
    const first = conn.peer;
    conn.peer.signal(OFFER);

    const fresh = conn.peer;
    expect(fresh).not.toBe(first);
    expect(fresh.initiator).toBe(false);
    expect(fresh.options).toEqual({ ...PEER_OPTS, initiator: false });
    expect(fresh.signalled).toEqual([OFFER]);
    expect(fresh.prepared).toBe(1);
    expect(first.destroyed).toBe(true);
    expect(first.signalled).toEqual([]);
    // y-webrtc's close listener (which removes the connection from the room) did not hear the old peer go.
    expect(heard).toEqual([]);

    fresh.emit('signal', ANSWER);
    fresh.emit('connect');
    fresh.emit('data', 'sync');
    expect(heard).toEqual([`signal ${JSON.stringify(ANSWER)}`, 'connect', 'data "sync"']);
    // An error of the old peer as it closes is nobody's to hear, and not thrown either.
    expect(() => first.emit('error', new Error('closed'))).not.toThrow();
    expect(heard).toHaveLength(3);
  });

  it('leaves answers and candidates to the initiating peer', () => {
    const { conn } = connection(true);
    const first = conn.peer;
    conn.peer.signal(ANSWER);
    conn.peer.signal(CANDIDATE);
    expect(conn.peer).toBe(first);
    expect(first.signalled).toEqual([ANSWER, CANDIDATE]);
    expect(StandInPeer.made).toHaveLength(1);
  });
});

describe('an answering connection', () => {
  it('takes its first offer itself', () => {
    const { conn } = connection(false);
    const first = conn.peer;
    conn.peer.signal(OFFER);
    conn.peer.signal(CANDIDATE);
    expect(conn.peer).toBe(first);
    expect(first.signalled).toEqual([OFFER, CANDIDATE]);
  });

  it('takes candidates that overtook its offer (sealing is asynchronous), and keeps them', () => {
    const { conn } = connection(false);
    const first = conn.peer;
    conn.peer.signal(CANDIDATE);
    conn.peer.signal(OFFER);
    expect(conn.peer).toBe(first);
    expect(first.signalled).toEqual([CANDIDATE, OFFER]);
  });

  it('that was open and gets a new offer (the other laptop started over) answers it with a fresh peer, and counts as not connected until it opens', () => {
    const { conn } = connection(false);
    conn.peer.signal(OFFER);
    conn.connected = true;
    const first = conn.peer;
    const second = { ...OFFER, sdp: 'v=0 second offer' };
    conn.peer.signal(second);
    expect(conn.peer).not.toBe(first);
    expect(conn.peer.signalled).toEqual([second]);
    expect(conn.connected).toBe(false);
    // And the next one again.
    const third = { ...OFFER, sdp: 'v=0 third offer' };
    const secondPeer = conn.peer;
    conn.peer.signal(third);
    expect(secondPeer.destroyed).toBe(true);
    expect(conn.peer.signalled).toEqual([third]);
    expect(conn.peer.prepared).toBe(1);
  });

  it('passes on only candidates whose username fragment is the new offer\'s, or that name none', () => {
    const { conn } = connection(false);
    const old = { type: 'offer', sdp: 'v=0\r\na=ice-ufrag:OLD1\r\n' };
    const fresh = { type: 'offer', sdp: 'v=0\r\na=ice-ufrag:NEW2\r\n' };
    const candidate = (ufrag: string) => ({ type: 'candidate', candidate: { candidate: `candidate:1 1 udp 2122260223 10.0.0.2 5000 typ host generation 0 ufrag ${ufrag} network-id 1`, sdpMid: '0' } });
    conn.peer.signal(old);
    conn.peer.signal(candidate('OLD1'));
    conn.peer.signal(candidate('NEW2'));
    conn.peer.signal(CANDIDATE);
    conn.peer.signal(fresh);
    expect(conn.peer.signalled).toEqual([fresh, candidate('NEW2'), CANDIDATE]);
  });

  it('that gets a new offer with its candidates ahead of it passes those candidates to the fresh peer, after the offer', () => {
    // Which connection a candidate after the last description belongs to cannot be told: all go
    // along. One of the old connection fails its checks and is harmless; one of the new is needed.
    const { conn } = connection(false);
    conn.peer.signal(OFFER);
    conn.peer.signal(CANDIDATE);
    const first = conn.peer;
    const second = { ...OFFER, sdp: 'v=0 second offer' };
    const early = { type: 'candidate', candidate: { candidate: 'candidate:2 1 udp 1 10.0.0.3 6000 typ host' } };
    conn.peer.signal(early);
    conn.peer.signal(second);
    expect(first.signalled).toEqual([OFFER, CANDIDATE, early]);
    expect(conn.peer.signalled).toEqual([second, CANDIDATE, early]);
  });
});

describe('a session description heard twice (several signaling addresses of one server)', () => {
  it('is taken once: the same offer again neither reaches the peer nor replaces it', () => {
    const { conn } = connection(true);
    conn.peer.signal(OFFER);
    const fresh = conn.peer;
    conn.peer.signal(OFFER);
    expect(conn.peer).toBe(fresh);
    expect(fresh.signalled).toEqual([OFFER]);
    expect(StandInPeer.made).toHaveLength(2);
  });

  it('is taken once: the same answer again does not reach the initiating peer (in state "stable" it would close the connection)', () => {
    const { conn } = connection(true);
    const first = conn.peer;
    conn.peer.signal(ANSWER);
    conn.peer.signal(CANDIDATE);
    conn.peer.signal(ANSWER);
    conn.peer.signal(CANDIDATE);
    expect(conn.peer).toBe(first);
    expect(first.signalled).toEqual([ANSWER, CANDIDATE, CANDIDATE]);
  });
});

describe('a connection whose fresh peer cannot be made', () => {
  it('gives the offer to its own peer, as before', () => {
    StandInPeer.made = [];
    const conn: AnsweringConnection<StandInPeer> = { peer: new StandInPeer({ initiator: true }), connected: false, closed: false };
    answerOffersFresh(conn, {
      preparePeer: () => undefined,
      makePeer: () => {
        throw new Error('RTCPeerConnection is not available');
      },
    });
    const first = conn.peer;
    conn.peer.signal(OFFER);
    expect(conn.peer).toBe(first);
    expect(first.signalled).toEqual([OFFER]);
  });
});

describe('an answering connection, closed', () => {
  it('that is closed is left to close', () => {
    const { conn } = connection(true);
    const first = conn.peer;
    conn.closed = true;
    conn.peer.signal(OFFER);
    expect(conn.peer).toBe(first);
    expect(StandInPeer.made).toHaveLength(1);
  });
});
