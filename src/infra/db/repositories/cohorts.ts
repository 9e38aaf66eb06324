import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Cohort, DigestChannel } from '../../../app/stores/cohort-store';
import { type CohortSettings, cohortSettingsSchema } from '../../../core/shared/cohort';
import type { Queryable } from '../client';
import { cohorts } from '../schema';

export { DEFAULT_COHORT_NAME } from '../../../app/stores/cohort-store';
export type { Cohort, DigestChannel };

function toCohort(row: typeof cohorts.$inferSelect): Cohort {
  return {
    id: row.id,
    name: row.name,
    // Settings are data: validated on every read so a bad manual edit fails loudly, here.
    settings: cohortSettingsSchema.parse(row.settings),
    digestChannel: (row.digestChannel as DigestChannel | null) ?? null,
  };
}

export async function findCohortByName(q: Queryable, name: string): Promise<Cohort | undefined> {
  const [row] = await q.select().from(cohorts).where(eq(cohorts.name, name.trim()));
  return row ? toCohort(row) : undefined;
}

export async function findCohortById(q: Queryable, id: string): Promise<Cohort | undefined> {
  const [row] = await q.select().from(cohorts).where(eq(cohorts.id, id));
  return row ? toCohort(row) : undefined;
}

export async function listCohorts(q: Queryable): Promise<Cohort[]> {
  return (await q.select().from(cohorts).orderBy(cohorts.name)).map(toCohort);
}

export async function getOrCreateCohort(
  q: Queryable,
  name: string,
  at: Date,
  defaults: Partial<CohortSettings> = {},
): Promise<{ cohort: Cohort; created: boolean }> {
  const existing = await findCohortByName(q, name);
  if (existing) return { cohort: existing, created: false };
  const settings = cohortSettingsSchema.parse(defaults);
  const id = randomUUID();
  await q
    .insert(cohorts)
    .values({ id, name: name.trim(), settings, createdAt: at })
    .onConflictDoNothing({ target: cohorts.name });
  const created = await findCohortByName(q, name);
  if (!created) throw new Error(`Cohort ${name} vanished while being created`);
  return { cohort: created, created: created.id === id };
}

export async function saveCohortSettings(q: Queryable, id: string, settings: CohortSettings): Promise<void> {
  await q
    .update(cohorts)
    .set({ settings: cohortSettingsSchema.parse(settings) })
    .where(eq(cohorts.id, id));
}

export async function setDigestChannel(
  q: Queryable,
  id: string,
  channel: DigestChannel | null,
): Promise<void> {
  await q.update(cohorts).set({ digestChannel: channel }).where(eq(cohorts.id, id));
}
