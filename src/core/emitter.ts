import type { EarshotEventName, EarshotEvents } from './types.js';

export type Listener<K extends EarshotEventName> = (payload: EarshotEvents[K]) => void;

/** Delivers SDK events to `on()` listeners and, for tag managers, as `earshot:<name>` DOM events on window. */
export class Emitter {
  readonly #listeners = new Map<EarshotEventName, Set<Listener<never>>>();

  on<K extends EarshotEventName>(name: K, listener: Listener<K>): () => void {
    let set = this.#listeners.get(name);
    if (!set) this.#listeners.set(name, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  emit<K extends EarshotEventName>(name: K, payload: EarshotEvents[K]): void {
    for (const listener of [...(this.#listeners.get(name) ?? [])]) {
      try {
        (listener as Listener<K>)(payload);
      } catch (error) {
        // A host listener's bug must not stop Earshot nor the other listeners; keep it visible.
        console.error(error);
      }
    }
    dispatchEvent(new CustomEvent(`earshot:${name}`, { detail: payload }));
  }

  /**
   * `handlers` with each function's exceptions turned into `internal` error events: the UI calls
   * them from its event listeners, where an exception would reach the host's `window.onerror`.
   */
  guard<T extends object>(handlers: T): T {
    const guarded =
      (handler: (...args: unknown[]) => unknown) =>
      (...args: unknown[]) => {
        try {
          return handler(...args);
        } catch (error) {
          this.emit('error', { code: 'internal', message: String((error as Error)?.message ?? error) });
        }
      };
    return Object.fromEntries(Object.entries(handlers).map(([name, value]) => [name, typeof value === 'function' ? guarded(value) : value])) as T;
  }

  clear(): void {
    this.#listeners.clear();
  }
}
