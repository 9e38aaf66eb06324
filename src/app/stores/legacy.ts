// migrates after issue 10 lands: jobs, placement import, send and mentor-talk-flow still take a
// drizzle query handle. This file (allow-listed in .dependency-cruiser.cjs) is the one place
// where the app names it; it goes when they talk to the stores.
import type { Queryable } from '../../infra/db/client';

export type LegacyQueries = Queryable;
