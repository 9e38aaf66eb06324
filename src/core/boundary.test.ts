import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [
    ...source.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => (match[1] ?? match[2]) as string);
}

/** Packages the pure core may use: computation only, no I/O, clock or SDK. */
const CORE_ALLOWED_PACKAGES = ['zod', 'date-fns', '@date-fns/tz', '@date-fns/utc', 'date-holidays'];

describe('architecture boundaries', () => {
  it('src/core imports no I/O, SDK, database or scheduler module', () => {
    const offenders = sourceFiles(join(root, 'src/core')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => !spec.startsWith('.'))
        .filter((spec) => !CORE_ALLOWED_PACKAGES.some((pkg) => spec === pkg || spec.startsWith(`${pkg}/`)))
        .map((spec) => `${relative(root, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('src/core never reads the clock or the environment', () => {
    const offenders = sourceFiles(join(root, 'src/core')).flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      const hits = [/Date\.now\(/, /new Date\(\)/, /process\.env/, /Math\.random\(/].filter((p) =>
        p.test(source),
      );
      return hits.map((pattern) => `${relative(root, file)} uses ${pattern.source}`);
    });
    expect(offenders).toEqual([]);
  });

  it('src/core imports nothing outside src/core', () => {
    const offenders = sourceFiles(join(root, 'src/core')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.'))
        .filter((spec) => !relative(root, join(dirname(file), spec)).startsWith('src/core/'))
        .map((spec) => `${relative(root, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('botbuilder is imported only inside adapters/teams', () => {
    const files = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'adapters'))];
    const offenders = files
      .filter((file) => !relative(root, file).startsWith('adapters/teams/'))
      .filter((file) => importsOf(file).some((spec) => /^(botbuilder|botframework-)/.test(spec)))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });

  it('only src/config.ts reads process.env', () => {
    const files = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'adapters'))];
    const offenders = files
      .filter((file) => relative(root, file) !== 'src/config.ts')
      .filter((file) => readFileSync(file, 'utf8').includes('process.env'))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });
});

/**
 * `npm run lint` runs dependency-cruiser with `.dependency-cruiser.cjs`. Here the same rules run
 * on a tiny project written to a temporary folder, one wrong-way import per rule, so a rule
 * that silently stopped matching (a typo in a path pattern) fails this test.
 */
describe('dependency rules (dependency-cruiser)', () => {
  const FILES: Record<string, string> = {
    'src/core/rules.ts': "import { useCase } from '../app/use-case';\nexport const rule = useCase;\n",
    'src/core/clock.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
    'src/app/use-case.ts': "import { table } from '../infra/db/schema';\nexport const useCase = table;\n",
    'src/app/reply.ts':
      "import { gateway } from '../../adapters/slack/gateway';\nexport const reply = gateway;\n",
    'src/app/helper.ts': "import { fixture } from './testing/fixture';\nexport const helper = fixture;\n",
    'src/app/testing/fixture.ts': 'export const fixture = 1;\n',
    'src/app/fine.ts': "import { rule } from '../core/rules';\nexport const fine = rule;\n",
    'src/infra/db/schema.ts': 'export const table = 1;\n',
    'src/infra/send.ts':
      "import { gateway } from '../../adapters/slack/gateway';\nexport const send = gateway;\n",
    'adapters/slack/gateway.ts': 'export const gateway = 1;\n',
  };

  it('flags each wrong-way import, and only those', async () => {
    const { cruise } = await import('dependency-cruiser');
    const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as {
      forbidden: unknown[];
    };
    const dir = mkdtempSync(join(tmpdir(), 'stagecoach-layers-'));
    try {
      for (const [path, source] of Object.entries(FILES)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), source);
      }
      const result = await cruise(
        ['src', 'adapters'],
        { baseDir: dir, validate: true, ruleSet: { forbidden: config.forbidden } as never },
        { extensions: ['.ts'] },
      );
      const output = result.output as {
        summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> };
      };
      const found = output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
      expect(found).toEqual([
        'app-not-adapters: src/app/reply.ts -> adapters/slack/gateway.ts',
        'app-not-db: src/app/use-case.ts -> src/infra/db/schema.ts',
        'core-imports-only-core: src/core/rules.ts -> src/app/use-case.ts',
        'core-no-node-io: src/core/clock.ts -> fs',
        'infra-not-adapters: src/infra/send.ts -> adapters/slack/gateway.ts',
        'production-not-test-code: src/app/helper.ts -> src/app/testing/fixture.ts',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
