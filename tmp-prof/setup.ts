import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { afterAll, beforeAll, expect } from 'vitest';
const session = new Session();
beforeAll(async () => {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
});
afterAll(async () => {
  const { profile } = await session.post('Profiler.stop');
  const name = (expect.getState().testPath ?? 'x').split('/').pop();
  writeFileSync(`/tmp/prof2/${name}.cpuprofile`, JSON.stringify(profile));
  session.disconnect();
});
