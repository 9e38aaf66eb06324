/**
 * The layers, checked by `npm run lint` (dependency-cruiser). Tests may import anything; the
 * rules below are about production code. `src/core/boundary.test.ts` checks the same core rules
 * on the source text, so a broken config cannot hide a wrong-way import in core.
 */

/** Test files, fixtures and testing helpers: production code never imports these. */
const TEST_CODE = [
  '\\.test\\.ts$',
  // The fault-injection suite and its helpers (processes, proxies, casts): tests only.
  '^src/faults/',
  // The bench drives the app against the same local platform fakes as the tests: tooling, not product.
  '^src/bench/',
  '(^|/)testing/',
  '(^|/)fixtures',
  '(^|/)test-[^/]*\\.ts$',
].join('|');

/** Production code in these layers (everything that is not a test, fixture or testing helper). */
const production = (path) => ({ path, pathNot: TEST_CODE });

module.exports = {
  forbidden: [
    {
      name: 'core-imports-only-core',
      comment: 'src/core is pure: no app, infra, adapters or node I/O (time and I/O come in as values).',
      severity: 'error',
      from: production('^src/core/'),
      to: { path: '^(src/(app|infra|bin|bench|demo|faults)/|src/(main|cli|config)\\.ts$|adapters/)' },
    },
    {
      name: 'core-no-node-io',
      comment: 'src/core uses no node built-in module (fs, net, crypto, ...).',
      severity: 'error',
      from: production('^src/core/'),
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'app-not-db',
      comment:
        'Use cases talk to the stores (src/app/stores) with domain types; drizzle, the schema and Tx live in src/infra/db.',
      severity: 'error',
      from: production('^src/app/'),
      to: { path: '^src/infra/db/|^node_modules/drizzle-orm/' },
    },
    {
      name: 'app-not-adapters',
      comment: 'Adapters call the app, never the other way round.',
      severity: 'error',
      from: production('^src/app/'),
      to: { path: '^adapters/' },
    },
    {
      name: 'infra-not-adapters',
      comment: 'Infrastructure knows platforms only through the Gateway port.',
      severity: 'error',
      from: production('^src/infra/'),
      to: { path: '^adapters/' },
    },
    {
      name: 'botbuilder-only-in-teams',
      comment: 'The Teams SDK stays inside adapters/teams.',
      severity: 'error',
      from: { pathNot: '^adapters/teams/' },
      to: { path: '^node_modules/botbuilder' },
    },
    {
      name: 'production-not-test-code',
      comment: 'Production code never imports tests, fixtures or testing helpers.',
      severity: 'error',
      from: { path: '^(src|adapters)/', pathNot: TEST_CODE },
      to: { path: TEST_CODE },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
