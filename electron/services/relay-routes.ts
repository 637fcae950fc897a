// Which connections speak for which relay peer id on a topic, so a relay message addressed to one laptop (`to`) goes
// to that laptop's connections only. Every laptop's relay got every answer before: with ten laptops a joining one's
// 1.2 MB workshop went to nine others that dropped it unread. Plain Node, unit-tested through the server.
//
// An id is learned from the `from` of what a connection publishes on a topic it joined. That is a claim, not a proof
// (the payload is sealed; the server cannot check it): a connection that claims another's id gets copies of what is
// addressed to it (sealed, as every subscriber got them before), never takes them away from the other. Nor from the
// addressee's connection that has not spoken yet (after a reconnect, or once its id was forgotten): every connection
// silent on the topic gets directed messages too. An addressee not heard on the server yet gets the message the old
// way: every subscriber.

/** Ids one connection may speak for, across its topics: a laptop uses two (its hello's and y-webrtc's), anew after a reconnect. */
export const MAX_IDS_PER_CONNECTION = 16;

export class RelayRoutes<C extends object> {
  private readonly byTopic = new Map<string, Map<string, Set<C>>>();
  /** Per connection, what it spoke as, oldest first. */
  private readonly spoken = new Map<C, Array<{ topic: string; id: string }>>();
  /** Per topic, the connections that spoke there and how many of their remembered ids are on it. */
  private readonly speakers = new Map<string, Map<C, number>>();

  learn(member: C, topic: string, id: string): void {
    const ids = this.byTopic.get(topic) ?? new Map<string, Set<C>>();
    const members = ids.get(id) ?? new Set<C>();
    if (members.has(member)) return;
    const mine = this.spoken.get(member) ?? [];
    if (mine.length >= MAX_IDS_PER_CONNECTION) {
      const oldest = mine.shift();
      if (oldest) this.drop(member, oldest.topic, oldest.id);
    }
    mine.push({ topic, id });
    this.spoken.set(member, mine);
    members.add(member);
    ids.set(id, members);
    this.byTopic.set(topic, ids);
    const counts = this.speakers.get(topic) ?? new Map<C, number>();
    counts.set(member, (counts.get(member) ?? 0) + 1);
    this.speakers.set(topic, counts);
  }

  /**
   * Who gets a message to `id` among the topic's subscribers: the connections that spoke as `id`, and every subscriber
   * silent on the topic (it may be the addressee, reconnected); undefined when none spoke as `id` (then: everyone).
   */
  receivers(topic: string, id: string, subscribers: ReadonlySet<C>): ReadonlySet<C> | undefined {
    const addressees = this.byTopic.get(topic)?.get(id);
    if (!addressees) return undefined;
    const spoke = this.speakers.get(topic);
    const receivers = new Set(addressees);
    for (const subscriber of subscribers) if (!spoke?.has(subscriber)) receivers.add(subscriber);
    return receivers;
  }

  /** The connection left the topic: it speaks for no one there any more. */
  leaveTopic(member: C, topic: string): void {
    const mine = this.spoken.get(member);
    if (!mine) return;
    const kept = mine.filter((entry) => {
      if (entry.topic !== topic) return true;
      this.drop(member, entry.topic, entry.id);
      return false;
    });
    if (kept.length > 0) this.spoken.set(member, kept);
    else this.spoken.delete(member);
  }

  leave(member: C): void {
    for (const { topic, id } of this.spoken.get(member) ?? []) this.drop(member, topic, id);
    this.spoken.delete(member);
  }

  /** Topics with a known id (for tests: nothing is left behind). */
  get size(): number {
    return this.byTopic.size;
  }

  private drop(member: C, topic: string, id: string): void {
    const ids = this.byTopic.get(topic);
    const members = ids?.get(id);
    if (!ids || !members?.delete(member)) return;
    if (members.size === 0) ids.delete(id);
    if (ids.size === 0) this.byTopic.delete(topic);
    const counts = this.speakers.get(topic);
    const count = counts?.get(member) ?? 0;
    if (count > 1) counts?.set(member, count - 1);
    else counts?.delete(member);
    if (counts?.size === 0) this.speakers.delete(topic);
  }
}
