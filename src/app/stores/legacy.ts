// src/main.ts and src/cli.ts (and the bench, the demo and the adapters' test runtime) still hand
// the app a database rather than stores; the entry points they call (createApp, importPlacements,
// seedSampleCohort, erase, export, a gone account) build the database stores on it here. This
// file, allow-listed in .dependency-cruiser.cjs, is the one place in src/app that names drizzle;
// it goes when those callers pass stores.
import type { Cipher } from '../../infra/crypto';
import type { Db } from '../../infra/db/client';
import { createDbStores } from '../../infra/db/stores';
import type { StoreAccess } from './stores';

export type LegacyDb = Db;

/**
 * For entry points that seal nothing (erase, a gone account, the access check of an import)
 * and get no cipher from their callers: any use of it is a bug, said loudly.
 */
const noSealing = new Proxy({} as Cipher, {
  get() {
    throw new Error('This entry point was given no cipher: it must not read or write sealed values.');
  },
});

/** Stores on a database an old caller handed over. */
export const storesOnDb = (db: LegacyDb, cipher: Cipher = noSealing): StoreAccess =>
  createDbStores(db, cipher);
