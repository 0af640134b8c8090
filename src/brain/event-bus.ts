/** A small typed in-worker event bus: one decision thread, so handlers run synchronously in subscription order. */

export interface SignalGenerated {
  type: "SignalGenerated";
  signal: import("./strategy/signal").Signal;
}

export type BrainEvent = SignalGenerated;
type Handler<E> = (e: E) => void;

export class EventBus {
  readonly #handlers = new Map<BrainEvent["type"], Handler<never>[]>();

  on<K extends BrainEvent["type"]>(type: K, handler: Handler<Extract<BrainEvent, { type: K }>>): () => void {
    const list = this.#handlers.get(type) ?? [];
    list.push(handler as Handler<never>);
    this.#handlers.set(type, list);
    return () => list.splice(list.indexOf(handler as Handler<never>), 1);
  }

  emit(e: BrainEvent): void {
    const list = this.#handlers.get(e.type);
    if (!list) return;
    for (let i = 0; i < list.length; i++) (list[i] as Handler<BrainEvent>)(e);
  }
}
