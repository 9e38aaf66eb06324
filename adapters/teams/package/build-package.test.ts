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
  // What a school does before packaging: its own pages instead of the template's example.org.
  await editManifest((manifest) => {
    manifest.developer = {
      name: 'Stagecoach',
      websiteUrl: 'https://stage.roc-voorbeeld.nl/stagecoach',
      privacyUrl: 'https://stage.roc-voorbeeld.nl/privacy',
      termsOfUseUrl: 'https://stage.roc-voorbeeld.nl/voorwaarden',
    };
  });
});

// biome-ignore lint/suspicious/noExplicitAny: a test edits the manifest as the JSON it is.
async function editManifest(edit: (manifest: any) => void): Promise<void> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  edit(manifest);
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
}
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const build = (domains: string[] = []) =>
  buildTeamsPackage({ appId: APP_ID, manifestDir: dir, outFile: join(dir, 'out.zip'), domains });

describe('buildTeamsPackage', () => {
  it("accepts the committed manifest and icons once the school's own pages are filled in", async () => {
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
      expect.stringContaining(
        'manifest.json (Teams schema v1.19) /bots/0/commandLists/0/commands must NOT have more than 10 items',
      ),
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

describe('the official Teams manifest schema', () => {
  it('requires name.full, as schema v1.19 does', async () => {
    await editManifest((manifest) => {
      delete manifest.name.full;
    });

    const result = await build();

    expect(!result.ok && result.error).toEqual([
      expect.stringContaining("(Teams schema v1.19) /name must have required property 'full'"),
      'manifest.json name.full: required (schema v1.19): the app name the Teams admin centre shows',
    ]);
  });

  it('refuses a field the schema does not know (a typo Stagecoach itself would let through)', async () => {
    await editManifest((manifest) => {
      manifest.bots[0].supportsCall = true;
    });

    const result = await build();

    expect(!result.ok && result.error).toEqual([
      expect.stringContaining(
        '(Teams schema v1.19) /bots/0 must NOT have additional properties. Details: {"additionalProperty":"supportsCall"}',
      ),
    ]);
  });

  it('refuses a manifest version the package ships no schema for', async () => {
    await editManifest((manifest) => {
      manifest.manifestVersion = '1.99';
    });

    const result = await build();

    expect(!result.ok && result.error).toContain(
      'manifest.json manifestVersion: 1.99 is not a Teams schema version @microsoft/app-manifest knows.',
    );
  });
});

describe('placeholders', () => {
  it("refuses the template's example.org developer pages, naming each field", async () => {
    await copyFile(join(manifests, 'manifest.json'), join(dir, 'manifest.json'));

    const result = await build();

    expect(!result.ok && result.error).toEqual([
      expect.stringMatching(
        /^manifest\.json developer\.websiteUrl: "https:\/\/example\.org\/stagecoach" is a placeholder/,
      ),
      expect.stringMatching(/^manifest\.json developer\.privacyUrl: .* is a placeholder/),
      expect.stringMatching(/^manifest\.json developer\.termsOfUseUrl: .* is a placeholder/),
    ]);
  });

  it('refuses TODO notes and all-zero ids anywhere in the manifest', async () => {
    await editManifest((manifest) => {
      manifest.description.short = 'TODO: beschrijving';
      manifest.validDomains = ['token.botframework.com', 'www.example.com'];
    });

    const result = await build();

    expect(!result.ok && result.error).toEqual([
      'manifest.json description.short: "TODO: beschrijving" still says TODO; fill it in.',
      expect.stringMatching(/^manifest\.json validDomains\.1: "www\.example\.com" is a placeholder/),
    ]);
  });

  it('refuses the all-zero app id', async () => {
    const result = await buildTeamsPackage({
      appId: '00000000-0000-0000-0000-000000000000',
      manifestDir: dir,
      outFile: join(dir, 'out.zip'),
    });

    expect(!result.ok && result.error).toEqual([
      "The app id is the all-zero placeholder: use the Azure Bot's Microsoft App ID.",
    ]);
  });
});

describe('--domain', () => {
  it('adds a bare host name (or a wildcard) to validDomains', async () => {
    const result = await build(['stage.roc-voorbeeld.nl', '*.roc-voorbeeld.nl']);

    expect(result.ok).toBe(true);
  });

  it.each([
    [
      'https://stage.roc-voorbeeld.nl/api/messages',
      ' Use --domain stage.roc-voorbeeld.nl (no https://, no port and no path).',
    ],
    ['stage.roc-voorbeeld.nl/api', ''],
    ['stage.roc-voorbeeld.nl:3978', ''],
  ])('refuses %s, which Teams would refuse at upload', async (domain, hint) => {
    const result = await build([domain]);

    expect(result).toEqual({
      ok: false,
      error: [`--domain "${domain}" is not a host name such as stage.school.nl.${hint}`],
    });
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
