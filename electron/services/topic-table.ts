// The signaling server's topics (rooms) and who joined them, with its three limits: per connection, per remote
// address (counted across all its connections) and in total. Plain Node, unit-tested through the server.

export type TopicMember = { readonly address: string; readonly topics: Set<string> };

export type TopicLimits = { perConnection: number; perAddress: number; total: number };

export type TopicRefusals = { connection: number; address: number; server: number };

export class TopicTable<M extends TopicMember> {
  private readonly members = new Map<string, Set<M>>();
  /** Per address: how many of its connections joined each topic, so its distinct topics are counted once. */
  private readonly byAddress = new Map<string, Map<string, number>>();
  constructor(
    private readonly limits: TopicLimits,
    private readonly maxNameLength: number,
  ) {}

  get size(): number {
    return this.members.size;
  }

  subscribers(topic: string): ReadonlySet<M> | undefined {
    return this.members.get(topic);
  }

  /** Joins what the limits allow; returns how many names each limit refused (empty and over-long names are skipped). */
  subscribe(member: M, names: readonly string[]): TopicRefusals {
    const refused: TopicRefusals = { connection: 0, address: 0, server: 0 };
    for (const topic of names) {
      if (topic.length === 0 || topic.length > this.maxNameLength || member.topics.has(topic)) continue;
      if (member.topics.size >= this.limits.perConnection) {
        refused.connection++;
        continue;
      }
      const ofAddress = this.byAddress.get(member.address) ?? new Map<string, number>();
      // A topic another connection of this address already holds costs the address nothing more.
      if (!ofAddress.has(topic) && ofAddress.size >= this.limits.perAddress) {
        refused.address++;
        continue;
      }
      let subscribers = this.members.get(topic);
      if (!subscribers) {
        if (this.members.size >= this.limits.total) {
          refused.server++;
          continue;
        }
        subscribers = new Set();
        this.members.set(topic, subscribers);
      }
      subscribers.add(member);
      member.topics.add(topic);
      ofAddress.set(topic, (ofAddress.get(topic) ?? 0) + 1);
      this.byAddress.set(member.address, ofAddress);
    }
    return refused;
  }

  unsubscribe(member: M, topic: string): void {
    if (!member.topics.delete(topic)) return;
    const subscribers = this.members.get(topic);
    subscribers?.delete(member);
    if (subscribers?.size === 0) this.members.delete(topic);
    const ofAddress = this.byAddress.get(member.address);
    const held = (ofAddress?.get(topic) ?? 1) - 1;
    if (held > 0) ofAddress?.set(topic, held);
    else ofAddress?.delete(topic);
    if (ofAddress?.size === 0) this.byAddress.delete(member.address);
  }

  leave(member: M): void {
    for (const topic of [...member.topics]) this.unsubscribe(member, topic);
  }
}
