import { startFakeSlackApi } from '/work/wt-perf/adapters/slack/fixtures/fake-slack-api.ts';
const api = await startFakeSlackApi({ record: false });
console.log(api.apiUrl);
setInterval(() => {}, 1000);
