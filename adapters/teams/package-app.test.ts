import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPngHeader } from './package/png';
import { runPackageApp } from './package-app';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const APP_ID = '0b4a6f7e-3c2d-4e1f-8a9b-123456789abc';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stagecoach-teams-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The npm script as an admin runs it: a process of its own (one test; the rest run in-process). */
function packageAppProcess(args: string[]) {
  // An empty environment apart from PATH (node's own folder): the test must not depend on the
  // developer's .env.
  return run(process.execPath, ['--import', 'tsx', 'adapters/teams/package-app.ts', ...args], {
    cwd: root,
    env: { PATH: dirname(process.execPath) },
  });
}

/** The same command in this process, with an empty environment: a failure as execFile reports one. */
async function packageApp(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPackageApp(args, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: {},
  });
  const result = { stdout: out.join('\n'), stderr: err.join('\n') };
  if (code !== 0) throw Object.assign(new Error(`exit ${code}`), { code, ...result });
  return result;
}

/** A copy of the committed manifest folder with a school's own pages, as an admin makes it. */
async function schoolManifestDir(): Promise<string> {
  const committed = join(root, 'manifests', 'teams');
  const folder = join(dir, 'manifest');
  await mkdir(folder);
  for (const name of ['color.png', 'outline.png']) await copyFile(join(committed, name), join(folder, name));
  const template = await readFile(join(committed, 'manifest.json'), 'utf8');
  await writeFile(
    join(folder, 'manifest.json'),
    template.replaceAll('https://example.org/', 'https://stage.roc-voorbeeld.nl/'),
  );
  return folder;
}

describe('npm run teams:package', () => {
  it('writes a zip with the manifest carrying the app id and both icons at the right sizes', async () => {
    const out = join(dir, 'stagecoach.zip');
    const manifestDir = await schoolManifestDir();

    await packageAppProcess([
      '--app-id',
      APP_ID,
      '--domain',
      'stagecoach.school.nl',
      '--manifest-dir',
      manifestDir,
      '--out',
      out,
    ]);

    const files = unzipSync(new Uint8Array(await readFile(out)));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.validDomains).toContain('stagecoach.school.nl');
    expect(readPngHeader(files['color.png']!)).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(files['outline.png']!)).toMatchObject({ width: 32, height: 32, hasAlpha: true });
  }, 30_000);

  it('refuses an app id that is not a GUID and exits with 1', async () => {
    const out = join(dir, 'stagecoach.zip');

    const failure = await packageApp(['--app-id', 'my-bot', '--out', out]).catch((error) => error);

    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('is not a GUID');
    await expect(readFile(out)).rejects.toThrow();
  }, 30_000);

  it("refuses the committed template's example.org pages, naming the file to edit, and exits with 1", async () => {
    const out = join(dir, 'stagecoach.zip');

    const failure = await packageApp(['--app-id', APP_ID, '--out', out]).catch((error) => error);

    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain(
      'developer.websiteUrl: "https://example.org/stagecoach" is a placeholder; put your school\'s own address in manifests/teams/manifest.json.',
    );
    await expect(readFile(out)).rejects.toThrow();
  }, 30_000);

  it('refuses a --domain with protocol and path, saying which host name to give', async () => {
    const out = join(dir, 'stagecoach.zip');
    const manifestDir = await schoolManifestDir();

    const failure = await packageApp([
      '--app-id',
      APP_ID,
      '--domain',
      'https://stagecoach.school.nl/api/messages',
      '--manifest-dir',
      manifestDir,
      '--out',
      out,
    ]).catch((error) => error);

    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('Use --domain stagecoach.school.nl (no https://, no port and no path).');
    await expect(readFile(out)).rejects.toThrow();
  }, 30_000);
});
