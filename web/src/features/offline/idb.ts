/**
 * The few IndexedDB operations the offline store needs, as promises. Two object stores: `meta`
 * (device id, salt, dates: nothing personal) and `vault` (sealed records, by collection).
 */
const DB_NAME = 'passerelle-offline';
const VERSION = 1;

export interface VaultRow {
  key: string;
  collection: string;
  iv: Uint8Array;
  data: ArrayBuffer;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

let opening: Promise<IDBDatabase> | null = null;

export function openDatabase(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
      if (!db.objectStoreNames.contains('vault')) {
        const vault = db.createObjectStore('vault', { keyPath: 'key' });
        vault.createIndex('collection', 'collection');
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opening = null;
      reject(req.error);
    };
  });
  return opening;
}

async function store(name: 'meta' | 'vault', mode: IDBTransactionMode) {
  return (await openDatabase()).transaction(name, mode).objectStore(name);
}

export async function getMeta<T>(key: string): Promise<T | undefined> {
  return request((await store('meta', 'readonly')).get(key)) as Promise<T | undefined>;
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  await request((await store('meta', 'readwrite')).put(value, key));
}

export async function getRow(key: string): Promise<VaultRow | undefined> {
  return request((await store('vault', 'readonly')).get(key)) as Promise<VaultRow | undefined>;
}

export async function putRow(row: VaultRow): Promise<void> {
  await request((await store('vault', 'readwrite')).put(row));
}

export async function deleteRow(key: string): Promise<void> {
  await request((await store('vault', 'readwrite')).delete(key));
}

export async function rowsOf(collection: string): Promise<VaultRow[]> {
  const index = (await store('vault', 'readonly')).index('collection');
  return request(index.getAll(collection)) as Promise<VaultRow[]>;
}

/** Deletes everything: meta and sealed records alike. */
export async function clearAll(): Promise<void> {
  const db = await openDatabase();
  const tx = db.transaction(['meta', 'vault'], 'readwrite');
  tx.objectStore('meta').clear();
  tx.objectStore('vault').clear();
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}
