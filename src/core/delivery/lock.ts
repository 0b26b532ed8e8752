import { promisifyRequest, type UseStore } from 'idb-keyval';
import { createStore } from './idb.js';

export const LOCK_NAME = 'earshot-delivery';
export const LEASE_DB = 'earshot-lease';
/** A lease not renewed for this long is free: a tab that died while delivering holds the others up no longer. */
export const LEASE_MS = 10_000;
/** How often a tab waiting for the lease looks again. */
export const LEASE_POLL_MS = 250;

/** The lease record: which tab delivers, until when. */
export interface Lease {
  owner: number;
  until: number;
}

/**
 * Makes the function that runs `work` while no other tab of the site delivers: with
 * `navigator.locks` where the browser has it, otherwise with a lease record in IndexedDB that a
 * tab takes, renews and frees in transactions of their own. Nothing is held between deliveries.
 */
export function createDeliveryLock(): (work: () => Promise<void>) => Promise<void> {
  // Opened on first use, like the outbox, and per Delivery: idb-keyval keeps its connection.
  let leases: UseStore | undefined;

  return async (work) => {
    if (navigator.locks) return navigator.locks.request(LOCK_NAME, work);
    const owner = Math.random();
    /** Holds the lease until `until` if it is free, lapsed or ours; says whether it is ours. One transaction reads and writes it, so two tabs cannot both take it. */
    const hold = (until: number) => {
      let ours = false;
      return (leases ??= createStore(LEASE_DB, 'lease'))('readwrite', (store) => {
        const request = store.get('lease');
        request.onsuccess = () => {
          const lease = request.result as Lease | undefined;
          if ((ours = !lease || lease.owner === owner || lease.until < Date.now())) store.put({ owner, until }, 'lease');
        };
        return promisifyRequest(store.transaction);
      }).then(() => ours);
    };
    let renewing: ReturnType<typeof setInterval> | undefined;
    try {
      while (!(await hold(Date.now() + LEASE_MS))) await new Promise((resolve) => setTimeout(resolve, LEASE_POLL_MS));
      renewing = setInterval(() => hold(Date.now() + LEASE_MS).catch(() => {}), LEASE_MS / 3);
    } catch {
      // No IndexedDB: the outbox lives in this page's memory, which no other tab shares.
    }
    try {
      await work();
    } finally {
      clearInterval(renewing);
      // A lease that ended at 0 is free.
      if (renewing) await hold(0).catch(() => {});
    }
  };
}
