import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

/** Where the command writes, and the environment it reads (the process's unless given). */
export type PackageAppIo = {
  out: (line: string) => void;
  err: (line: string) => void;
  env?: Record<string, string | undefined>;
};

/** The command itself, in-process: its exit code (0 ok, 1 bad input, 2 fault). */
export async function runPackageApp(argv: string[], io: PackageAppIo): Promise<number> {
  try {
    return await packageApp(argv, io);
  } catch (error) {
    // parseArgs rejects unknown or malformed options with ERR_PARSE_ARGS_* codes: bad input.
    const badInput = String((error as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS');
    io.err(badInput ? (error as Error).message : String(error));
    return badInput ? 1 : 2;
  }
}

async function packageApp(argv: string[], io: PackageAppIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'app-id': { type: 'string' },
      domain: { type: 'string', multiple: true },
      out: { type: 'string' },
      'manifest-dir': { type: 'string' },
    },
    strict: true,
  });
  const appId = values['app-id'] ?? appIdFromEnvironment(io);
  if (!appId) {
    io.err('No app id: set MICROSOFT_APP_ID or pass --app-id <the Azure Bot Microsoft App ID>.');
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
    io.err(`The Teams package was not written:\n- ${result.error.join('\n- ')}`);
    return 1;
  }
  io.out(`Wrote ${result.value.outFile} (${result.value.files.join(', ')}).`);
  return 0;
}

function appIdFromEnvironment(io: PackageAppIo): string | undefined {
  try {
    return loadConfig(io.env).teams?.appId;
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(error.message);
      return undefined;
    }
    throw error;
  }
}

// Run as a script (`npm run teams:package`), not when imported by a test.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runPackageApp(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  }).then((code) => {
    process.exitCode = code;
  });
}
