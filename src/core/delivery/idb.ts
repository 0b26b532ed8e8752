import { createStore as createKeyvalStore, type UseStore } from 'idb-keyval';

/** Connections this page opened; closed when the visitor's data is erased. */
const opened = new Set<IDBDatabase>();
let erased = false;

/**
 * An idb-keyval store whose connection gives way when another tab deletes the database (idb-keyval
 * never closes one, so a deletion would wait until every page of the site was gone), and that
 * refuses to store anything after `eraseDatabases()` until `allowStorage()`.
 */
export function createStore(dbName: string, storeName: string): UseStore {
  const store = createKeyvalStore(dbName, storeName);
  return (mode, callback) => {
    if (erased) return Promise.reject(new Error('storage refused: consent was denied'));
    return store(mode, (objectStore) => {
      const { db } = objectStore.transaction;
      if (!opened.has(db)) {
        opened.add(db);
        db.onversionchange = () => {
          db.close();
          opened.delete(db);
        };
      }
      return callback(objectStore);
    });
  };
}

/** Closes this page's connections and deletes the databases; resolves when they are gone or blocked by another page. */
export function eraseDatabases(names: readonly string[]): Promise<void> {
  erased = true;
  for (const db of opened) db.close();
  opened.clear();
  return Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          // A blocked deletion still completes once the other pages let go; nothing to wait for here.
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  ).then(() => {});
}

/** Stores may be opened again (consent was granted after a denial). */
export function allowStorage(): void {
  erased = false;
}
