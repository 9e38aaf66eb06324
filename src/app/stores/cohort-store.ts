import type { CohortSettings } from '../../core/shared/cohort';
import type { Platform } from '../inbound';

export type DigestChannel = { platform: Platform; tenant: string; channelId: string };

export type Cohort = {
  id: string;
  name: string;
  settings: CohortSettings;
  digestChannel: DigestChannel | null;
};

/** The cohort used when a placement names none. */
export const DEFAULT_COHORT_NAME = 'standaard';

export type CohortStore = {
  findByName(name: string): Promise<Cohort | null>;
  findById(id: string): Promise<Cohort | null>;
  /** Every cohort, by name. */
  list(): Promise<Cohort[]>;
  saveSettings(id: string, settings: CohortSettings): Promise<void>;
  setDigestChannel(id: string, channel: DigestChannel | null): Promise<void>;
};
