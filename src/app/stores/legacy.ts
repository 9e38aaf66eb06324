// Placement import and saving (and the sample cohort built on them) still take a drizzle query
// handle, and src/main.ts and src/cli.ts still hand the app a database rather than stores. This file, allow-listed in .dependency-cruiser.cjs, is the one
// place in src/app that names drizzle; it goes when they talk to the stores.
import type { Cipher } from '../../infra/crypto';
import type { Db, Queryable } from '../../infra/db/client';
import { createDbStores, storesOn } from '../../infra/db/stores';
import type { StoreAccess, Stores } from './stores';

export type LegacyQueries = Queryable;
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

/** Stores on a query handle (a transaction) an old caller holds. */
export const storesOnQueries = (q: LegacyQueries, cipher: Cipher = noSealing): Stores => storesOn(q, cipher);
