/**
 * Runs inside a page (self-contained, so any driver can serialise it): the Earshot outbox as
 * stored in IndexedDB (database `earshot`, store `responses`), or null when there is none.
 * Opening a database that does not exist would create it empty, so it asks first.
 */
export async function readOutboxInPage(): Promise<Array<{ id: string; surveyId: string; completed: boolean; answers: Record<string, unknown>; [field: string]: unknown }> | null> {
  const dbs = await indexedDB.databases();
  if (!dbs.some((d) => d.name === 'earshot')) return null;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('earshot');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    if (!db.objectStoreNames.contains('responses')) return null;
    return await new Promise((resolve, reject) => {
      const req = db.transaction('responses', 'readonly').objectStore('responses').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  } finally {
    db.close();
  }
}
