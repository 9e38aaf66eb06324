import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes reviewed SQL into migrations/; one folder serves PGlite and Postgres.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/infra/db/schema.ts',
  out: './migrations',
});
