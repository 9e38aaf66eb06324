import { readdirSync, readFileSync } from 'node:fs';
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
const CORE_ALLOWED_PACKAGES = ['zod', 'date-fns', '@date-fns/tz', 'date-holidays'];

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
