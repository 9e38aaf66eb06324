import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTeamsPackage } from './build-package';
import { readPngHeader } from './png';

const manifests = fileURLToPath(new URL('../../../manifests/teams/', import.meta.url));
const APP_ID = '0b4a6f7e-3c2d-4e1f-8a9b-123456789abc';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stagecoach-manifest-'));
  for (const name of ['manifest.json', 'color.png', 'outline.png']) {
    await copyFile(join(manifests, name), join(dir, name));
  }
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const build = () => buildTeamsPackage({ appId: APP_ID, manifestDir: dir, outFile: join(dir, 'out.zip') });

describe('buildTeamsPackage', () => {
  it('accepts the committed manifest and icons', async () => {
    const result = await build();

    expect(result).toEqual({
      ok: true,
      value: { outFile: join(dir, 'out.zip'), files: ['color.png', 'manifest.json', 'outline.png'] },
    });
  });

  it('reports an icon of the wrong size', async () => {
    await copyFile(join(dir, 'color.png'), join(dir, 'outline.png'));

    const result = await build();

    expect(result).toEqual({
      ok: false,
      error: ['icons.outline: outline.png is 192×192; Teams needs 32×32.'],
    });
  });

  it('reports every manifest problem with its path', async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    manifest.version = '1.0';
    manifest.bots[0].commandLists[0].commands.push({ title: 'stage extra', description: 'één te veel' });
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));

    const result = await build();

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toEqual([
      expect.stringContaining('manifest.json version'),
      expect.stringContaining('manifest.json bots.0.commandLists.0.commands'),
    ]);
  });

  it('lists all seventeen stage commands across the command lists', async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    const titles = new Set<string>(
      manifest.bots[0].commandLists.flatMap((list: { commands: Array<{ title: string }> }) =>
        list.commands.map((command) => command.title),
      ),
    );

    expect([...titles].sort()).toEqual(
      [
        'help',
        'mijn',
        'overzicht',
        'toevoegen',
        'importeer',
        'pauzeer',
        'hervat',
        'excuseer',
        'vervangend',
        'afvinken',
        'herinner',
        'kanaal',
        'instellingen',
        'export',
        'wis',
        'coordinator',
        'reset',
      ]
        .map((name) => `stage ${name}`)
        .sort(),
    );
  });
});

describe('icons', () => {
  it('reads the size and transparency of the committed icons', async () => {
    expect(readPngHeader(await readFile(join(manifests, 'color.png')))).toMatchObject({
      width: 192,
      height: 192,
    });
    expect(readPngHeader(await readFile(join(manifests, 'outline.png')))).toEqual({
      width: 32,
      height: 32,
      colorType: 6,
      hasAlpha: true,
    });
  });

  it('rejects bytes that are not a PNG', () => {
    expect(readPngHeader(new TextEncoder().encode('GIF89a not a png at all, really not'))).toBeNull();
  });
});
