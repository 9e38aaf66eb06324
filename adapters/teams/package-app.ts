import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../src/config';
import { buildTeamsPackage } from './package/build-package';

/**
 * `npm run teams:package [-- --app-id <guid>] [--domain <host>] [--manifest-dir <folder>] [--out <file.zip>]`
 * Fills the app id into manifests/teams/manifest.json (or the manifest.json of --manifest-dir, for
 * a school that keeps its edited copy elsewhere), validates it against Microsoft's schema and
 * refuses placeholders, checks the icons, and writes stagecoach.zip beside the manifest for upload
 * in Teams. Exit 0 ok, 1 bad input, 2 fault.
 */
const defaultManifestDir = fileURLToPath(new URL('../../manifests/teams/', import.meta.url));

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'app-id': { type: 'string' },
      domain: { type: 'string', multiple: true },
      out: { type: 'string' },
      'manifest-dir': { type: 'string' },
    },
    strict: true,
  });
  const appId = values['app-id'] ?? appIdFromEnvironment();
  if (!appId) {
    console.error('No app id: set MICROSOFT_APP_ID or pass --app-id <the Azure Bot Microsoft App ID>.');
    return 1;
  }
  const manifestDir = join(values['manifest-dir'] ?? defaultManifestDir, sep);
  const result = await buildTeamsPackage({
    appId,
    manifestDir,
    outFile: values.out ?? `${manifestDir}stagecoach.zip`,
    domains: values.domain ?? [],
  });
  if (!result.ok) {
    console.error(`The Teams package was not written:\n- ${result.error.join('\n- ')}`);
    return 1;
  }
  console.log(`Wrote ${result.value.outFile} (${result.value.files.join(', ')}).`);
  return 0;
}

function appIdFromEnvironment(): string | undefined {
  try {
    return loadConfig().teams?.appId;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return undefined;
    }
    throw error;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // parseArgs rejects unknown or malformed options with ERR_PARSE_ARGS_* codes: bad input.
    const badInput = String((error as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS');
    console.error(badInput ? (error as Error).message : error);
    process.exitCode = badInput ? 1 : 2;
  },
);
