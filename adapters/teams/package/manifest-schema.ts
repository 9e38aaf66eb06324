import { z } from 'zod';

/**
 * What Stagecoach needs of its Teams app manifest, beyond Microsoft's official schema (which
 * official-schema.ts checks every field against): schema v1.19 or newer, a MAJOR.MINOR.PATCH
 * version (the official schema takes any string, the admin centre does not), https developer
 * pages and exactly one bot. Also the type the packager works on.
 */
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const https = z.url({ protocol: /^https$/ }).max(2048);
const scope = z.enum(['personal', 'team', 'groupChat']);

export const guidSchema = z.string().regex(GUID, 'must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)');

export const teamsManifestSchema = z.looseObject({
  $schema: z
    .string()
    .regex(/\/teams\/v1\.(19|[2-9]\d)\/MicrosoftTeams\.schema\.json$/, 'must be schema v1.19 or newer'),
  manifestVersion: z.string().regex(/^1\.(19|[2-9]\d)$/, 'must be 1.19 or newer'),
  version: z.string().regex(SEMVER, 'must be MAJOR.MINOR.PATCH'),
  id: guidSchema,
  developer: z.looseObject({
    name: z.string().min(1).max(32),
    websiteUrl: https,
    privacyUrl: https,
    termsOfUseUrl: https,
  }),
  name: z.looseObject({
    short: z.string().min(1).max(30),
    // Required since schema v1.19; a package without it is refused at upload.
    full: z
      .string({ error: 'required (schema v1.19): the app name the Teams admin centre shows' })
      .min(1)
      .max(100),
  }),
  description: z.looseObject({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
  icons: z.looseObject({ color: z.string().min(1), outline: z.string().min(1) }),
  accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  bots: z
    .array(
      z.looseObject({
        botId: guidSchema,
        scopes: z.array(scope).min(1).max(3),
        supportsFiles: z.boolean().optional(),
        isNotificationOnly: z.boolean().optional(),
        commandLists: z
          .array(
            z.looseObject({
              scopes: z.array(scope).min(1).max(3),
              commands: z
                .array(
                  z.looseObject({
                    title: z.string().min(1).max(32),
                    description: z.string().min(1).max(128),
                  }),
                )
                .min(1)
                .max(10),
            }),
          )
          .max(3)
          .optional(),
      }),
    )
    .length(1),
  validDomains: z.array(z.string().min(1).max(2048)).max(16).optional(),
});

export type TeamsManifest = z.infer<typeof teamsManifestSchema>;

/** Teams requires these icon sizes (px). */
export const ICON_SIZES = { color: 192, outline: 32 } as const;
