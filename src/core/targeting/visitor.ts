import { get, set, update, type UseStore } from 'idb-keyval';
import { createStore } from '../delivery/idb.js';
import { createId } from '../id.js';

/** IndexedDB database (one store, `state`) with the visitor's Earshot state; also the BroadcastChannel name. */
export const VISITOR_DB = 'earshot-visitor';
const VISITOR_KEY = 'visitor';

/** When a survey was last shown without being asked for, and last completed (ms since the epoch). */
export interface SurveyHistory {
  shown?: number;
  completed?: number;
}

/** What Earshot remembers of a visitor, shared by every tab of the site. */
export interface Visitor {
  /** Random and anonymous: only sampling reads it, and it is never sent. */
  id: string;
  surveys: Record<string, SurveyHistory>;
  /** When any survey was last shown without being asked for, starting the site-wide pause. */
  lastShown?: number;
  /** Which survey that was, for `explain()`. */
  lastShownSurvey?: string;
}

/** One change to a visitor; also what a tab tells the others. */
export interface VisitorChange {
  survey: string;
  kind: keyof SurveyHistory;
  at: number;
  /** A survey with `cooldown: false` was shown: it starts no site-wide pause. */
  exempt?: boolean;
}

export function applyChange(visitor: Visitor, { survey, kind, at, exempt }: VisitorChange): Visitor {
  (visitor.surveys[survey] ??= {})[kind] = at;
  if (kind === 'shown' && exempt !== true) {
    visitor.lastShown = at;
    visitor.lastShownSurvey = survey;
  }
  return visitor;
}

export interface VisitorStore {
  /** The visitor as loaded, and as changed since in this tab or another. */
  readonly visitor: Visitor;
  /** Loads the stored visitor, or stores a new one; resolves even when IndexedDB is unavailable (memory for this page). */
  load(): Promise<void>;
  record(change: VisitorChange): void;
  /** A cached value (such as a remote survey list) in the same database. */
  read<T>(key: string): Promise<T | undefined>;
  write(key: string, value: unknown): Promise<void>;
}

/** The visitor's state in IndexedDB, kept current across tabs with a BroadcastChannel; aborting `signal` closes it. */
export function openVisitorStore(signal: AbortSignal): VisitorStore {
  // idb-keyval opens the database on first use, not here.
  let store: UseStore | undefined = createStore(VISITOR_DB, 'state');
  let visitor: Visitor = { id: createId(), surveys: {} };
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(VISITOR_DB) : undefined;
  if (channel) {
    channel.onmessage = ({ data }) => {
      // Any script of the site can post here: only a change such as another tab sends is applied
      // (a survey named "__proto__" or "constructor" would reach Object.prototype or Object).
      if (typeof data?.survey == 'string' && !(data.survey in Object.prototype) && /^(shown|completed)$/.test(data.kind) && typeof data.at == 'number') {
        applyChange(visitor, data);
      }
    };
    signal.addEventListener('abort', () => channel.close());
  }

  return {
    get visitor() {
      return visitor;
    },
    async load() {
      try {
        // One transaction: two tabs opening at once agree on a single visitor id.
        await update<Visitor>(VISITOR_KEY, (stored) => (visitor = stored ?? visitor), store);
      } catch {
        store = undefined;
      }
    },
    record(change) {
      applyChange(visitor, change);
      channel?.postMessage(change);
      // Read, change and write in one transaction, so that another tab's change made meanwhile is kept.
      if (store) update<Visitor>(VISITOR_KEY, (stored) => applyChange(stored ?? visitor, change), store).catch(() => {});
    },
    async read(key) {
      try {
        return store && (await get(key, store));
      } catch {
        return undefined;
      }
    },
    async write(key, value) {
      try {
        if (store) await set(key, value, store);
      } catch {
        // Only a cache: the next load fetches again.
      }
    },
  };
}
