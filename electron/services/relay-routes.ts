// Which connections speak for which relay peer id on a topic, so a relay message addressed to one laptop (`to`) goes
// to that laptop's connections only. Every laptop's relay got every answer before: with ten laptops a joining one's
// 1.2 MB workshop went to nine others that dropped it unread. Plain Node, unit-tested through the server.
//
// An id is learned from the `from` of what a connection publishes on a topic it joined. That is a claim, not a proof
// (the payload is sealed; the server cannot check it): a connection that claims another's id gets copies of what is
// addressed to it (sealed, as every subscriber got them before), never takes them away from the other. An addressee
// not heard on the server yet gets the message the old way: every subscriber.

/** Ids one connection may speak for, across its topics: a laptop uses two (its hello's and y-webrtc's), anew after a reconnect. */
export const MAX_IDS_PER_CONNECTION = 16;

export class RelayRoutes<C extends object> {
  private readonly byTopic = new Map<string, Map<string, Set<C>>>();
  /** Per connection, what it spoke as, oldest first. */
  private readonly spoken = new Map<C, Array<{ topic: string; id: string }>>();

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
  }

  /** The connections that spoke as `id` on `topic`; undefined when none did. */
  addressees(topic: string, id: string): ReadonlySet<C> | undefined {
    return this.byTopic.get(topic)?.get(id);
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
    if (!ids || !members) return;
    members.delete(member);
    if (members.size === 0) ids.delete(id);
    if (ids.size === 0) this.byTopic.delete(topic);
  }
}
