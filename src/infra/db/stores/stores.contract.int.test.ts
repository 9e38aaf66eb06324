import { savePlacement } from '../../../app/placements/save-placement';
import { createMemoryStores } from '../../../app/testing/memory';
import { seedMemoryPlacement } from '../../../app/testing/memory/seed';
import {
  CONTRACT_PLACEMENT,
  describeStoreContract,
  type StoreBackend,
} from '../../../app/testing/store-contract';
import { testDatabaseServerUrl } from '../../../config';
import { createCipher } from '../../crypto';
import { type Database, openDatabase } from '../client';
import { openTestDatabase } from '../test-database';
import { createDbStores } from './index';

const cipher = createCipher(Buffer.alloc(32, 7));

const memory: StoreBackend = {
  name: 'the in-memory fakes',
  async open() {
    const stores = createMemoryStores();
    return {
      stores,
      seed: (at) => seedMemoryPlacement(stores, CONTRACT_PLACEMENT, at),
      close: async () => {},
    };
  },
};

const onDatabase = (name: string, openIt: () => Promise<Database>): StoreBackend => ({
  name,
  async open() {
    const database = await openIt();
    const stores = createDbStores(database.db, cipher);
    return {
      stores,
      async seed(at) {
        const { id } = await savePlacement(stores, CONTRACT_PLACEMENT, at);
        const [bundle] = await stores.placements.loadBundles({ placementIds: [id] });
        if (!bundle) throw new Error('the seeded placement is missing');
        return { placementId: id, studentId: bundle.student.id, cohortId: bundle.cohort.id };
      },
      close: () => database.close(),
    };
  },
});

describeStoreContract(memory);
describeStoreContract(
  onDatabase('PGlite', async () => {
    const database = await openDatabase({ kind: 'pglite' });
    await database.migrate();
    return database;
  }),
);
// CI's PostgreSQL run (DATABASE_URL): the same cases on a throw-away database there.
if (testDatabaseServerUrl()) describeStoreContract(onDatabase('PostgreSQL', openTestDatabase));
