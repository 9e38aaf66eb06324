import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';

/**
 * Validates a filled-in manifest against Microsoft's own JSON schema for its `manifestVersion`, as
 * shipped by the `@microsoft/app-manifest` package (no network needed). The Teams upload checks
 * against this schema too, so a wrong field is named here rather than by a vague upload error.
 * Returns one line per problem, empty when valid.
 */
export async function checkAgainstOfficialSchema(manifest: unknown): Promise<string[]> {
  if (!manifest || typeof manifest !== 'object') return ['manifest.json: must be a JSON object.'];
  const version = (manifest as { manifestVersion?: unknown }).manifestVersion;
  if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version)) {
    return ['manifest.json manifestVersion: missing or not a version such as "1.19".'];
  }
  const schema = await readOfficialSchema(version);
  if (!schema) {
    return [
      `manifest.json manifestVersion: ${version} is not a Teams schema version @microsoft/app-manifest knows.`,
    ];
  }
  const errors = await AppManifestUtils.validateAgainstSchema(
    manifest as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0],
    schema as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1],
  );
  // Its lines read "/name must have required property 'full'. Details: {…}"; keep the path first.
  return errors.map((line) => `manifest.json (Teams schema v${version}) ${line.trim()}`);
}

async function readOfficialSchema(version: string): Promise<unknown> {
  const packageJson = createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json');
  const file = join(
    dirname(packageJson),
    'build',
    'json-schemas',
    'teams',
    `v${version}`,
    'MicrosoftTeams.schema.json',
  );
  const text = await readFile(file, 'utf8').catch(() => null);
  return text === null ? null : JSON.parse(text);
}
