import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { err, ok, type Result } from '../../../src/core/shared/result';
import { guidSchema, ICON_SIZES, teamsManifestSchema } from './manifest-schema';
import { checkAgainstOfficialSchema } from './official-schema';
import { checkDomain, findPlaceholders } from './placeholders';
import { readPngHeader } from './png';

/**
 * Builds the Teams app package: manifest.json with the app id filled in, plus both icons, zipped
 * flat (Teams rejects a zip with a folder inside). The manifest must pass Microsoft's official
 * schema for its version, Stagecoach's own stricter rules (manifest-schema.ts) and carry no
 * placeholder; every problem found is reported at once and nothing is written then.
 */
export type PackageOptions = {
  appId: string;
  /** Folder holding manifest.json and the icons. */
  manifestDir: string;
  outFile: string;
  /** Extra hosts for `validDomains`, e.g. the bot's public host name. */
  domains?: string[];
};

export type PackageInfo = { outFile: string; files: string[] };

const PLACEHOLDER = '{{MICROSOFT_APP_ID}}';

export async function buildTeamsPackage(options: PackageOptions): Promise<Result<PackageInfo, string[]>> {
  if (!guidSchema.safeParse(options.appId).success) {
    return err([`The app id "${options.appId}" is not a GUID: use the Azure Bot's Microsoft App ID.`]);
  }
  if (/^[0-]+$/.test(options.appId)) {
    return err(["The app id is the all-zero placeholder: use the Azure Bot's Microsoft App ID."]);
  }
  const badDomains = (options.domains ?? []).flatMap((domain) => checkDomain(domain) ?? []);
  if (badDomains.length > 0) return err(badDomains);
  const template = await readFile(join(options.manifestDir, 'manifest.json'), 'utf8');
  const filled = template.split(PLACEHOLDER).join(options.appId);
  const leftover = /\{\{[A-Z0-9_]+\}\}/.exec(filled);
  if (leftover) return err([`manifest.json still has the placeholder ${leftover[0]}.`]);

  let raw: unknown;
  try {
    raw = JSON.parse(filled);
  } catch (error) {
    return err([`manifest.json is not valid JSON: ${(error as Error).message}`]);
  }
  if (options.domains?.length && raw && typeof raw === 'object') {
    const listed = (raw as { validDomains?: unknown }).validDomains;
    const current = Array.isArray(listed) ? listed : [];
    (raw as { validDomains: unknown[] }).validDomains = [...new Set([...current, ...options.domains])];
  }
  const official = await checkAgainstOfficialSchema(raw);
  const parsed = teamsManifestSchema.safeParse(raw);
  if (!parsed.success || official.length > 0) {
    const own = parsed.error?.issues.map(
      (issue) => `manifest.json ${issue.path.join('.')}: ${issue.message}`,
    );
    return err([...official, ...(own ?? [])]);
  }
  const manifest = parsed.data;
  const problems = findPlaceholders(manifest);
  for (const bot of manifest.bots) {
    for (const list of bot.commandLists ?? []) {
      const extra = list.scopes.filter((scope) => !bot.scopes.includes(scope));
      if (extra.length > 0) problems.push(`a command list uses scopes the bot lacks: ${extra.join(', ')}`);
    }
  }

  const files: Record<string, Uint8Array> = {};
  for (const kind of ['color', 'outline'] as const) {
    const name = manifest.icons[kind];
    if (basename(name) !== name) {
      problems.push(`icons.${kind} must be a file name at the root of the package, not "${name}".`);
      continue;
    }
    const bytes = await readFile(join(options.manifestDir, name)).catch(() => null);
    const header = bytes ? readPngHeader(bytes) : null;
    const size = ICON_SIZES[kind];
    if (!bytes || !header) {
      problems.push(`icons.${kind}: ${name} is missing or not a PNG.`);
    } else if (header.width !== size || header.height !== size) {
      problems.push(
        `icons.${kind}: ${name} is ${header.width}×${header.height}; Teams needs ${size}×${size}.`,
      );
    } else if (kind === 'outline' && !header.hasAlpha) {
      problems.push(`icons.outline: ${name} needs a transparent background (an alpha channel).`);
    } else {
      files[name] = bytes;
    }
  }
  if (problems.length > 0) return err(problems);

  files['manifest.json'] = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(options.outFile, zipSync(files, { level: 9 }));
  return ok({ outFile: options.outFile, files: Object.keys(files).sort() });
}
