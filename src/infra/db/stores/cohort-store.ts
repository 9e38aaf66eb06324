import type { CohortStore } from '../../../app/stores/cohort-store';
import type { Queryable } from '../client';
import {
  findCohortById,
  findCohortByName,
  listCohorts,
  saveCohortSettings,
  setDigestChannel,
} from '../repositories/cohorts';

export function createCohortStore(q: Queryable): CohortStore {
  return {
    findByName: async (name) => (await findCohortByName(q, name)) ?? null,
    findById: async (id) => (await findCohortById(q, id)) ?? null,
    list: () => listCohorts(q),
    saveSettings: (id, settings) => saveCohortSettings(q, id, settings),
    setDigestChannel: (id, channel) => setDigestChannel(q, id, channel),
  };
}
