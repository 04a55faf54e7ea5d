// Writes what editors read about Groundwork's settings from their one definition (src/shared/settings-schema.ts):
// package.json's `contributes.configuration` (the Settings editor) and the settings an untrusted workspace may not
// set (`capabilities.untrustedWorkspaces.restrictedConfigurations`), and schemas/groundwork.schema.json (validation
// and completion of `.groundwork.json`). Run by scripts/build.mjs; test/unit/settings-schema.test.ts fails when
// either file differs from what this writes, so a hand edit cannot make them disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CLIENT_SETTINGS,
  PROJECT_SETTING_NAMES,
  RESTRICTED_SETTING_NAMES,
  SETTINGS,
  type JsonSchema,
  type SettingDefinition,
} from '../src/shared/settings-schema.js';

export const PACKAGE_JSON = 'package.json';
export const PROJECT_SCHEMA = 'schemas/groundwork.schema.json';

/** The fingerprints the "ignore this finding" quick fix writes (src/server/fingerprint.ts: 16 hex digits). */
const FINGERPRINT = { type: 'string', pattern: '^[0-9a-f]{16}$' };

function contributed(definition: SettingDefinition<unknown>): JsonSchema {
  return {
    ...definition.schema,
    default: definition.default,
    markdownDescription: definition.description,
    scope: definition.scope,
  };
}

/** `contributes.configuration`: every `groundwork.*` setting, in definition order. */
export function configurationContribution(): JsonSchema {
  const definitions: [string, SettingDefinition<unknown>][] = [
    ...Object.entries(SETTINGS),
    ...Object.entries(CLIENT_SETTINGS),
  ];
  return {
    title: 'Groundwork',
    properties: Object.fromEntries(
      definitions.map(([name, definition]) => [`groundwork.${name}`, contributed(definition)]),
    ),
  };
}

/** The JSON Schema of `.groundwork.json`. */
export function projectFileSchema(): JsonSchema {
  const settings = PROJECT_SETTING_NAMES.map((name) => {
    const definition = SETTINGS[name] as SettingDefinition<unknown>;
    return [
      name,
      {
        ...definition.schema,
        default: definition.default,
        description: definition.projectDescription ?? definition.description,
      },
    ];
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://groundwork.invalid/schemas/groundwork.schema.json',
    title: 'Groundwork project configuration (.groundwork.json)',
    description:
      'Shared by everyone who works on the drafts in this folder. Overrides the personal groundwork.* settings.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      ...Object.fromEntries(settings),
      ignore: {
        description:
          'Findings dismissed with the "Ignore this finding" quick fix. A fingerprint names the problem and the sentence, not its position, so it survives edits elsewhere.',
        type: 'array',
        items: {
          anyOf: [
            FINGERPRINT,
            {
              type: 'object',
              required: ['fingerprint'],
              additionalProperties: false,
              properties: {
                fingerprint: FINGERPRINT,
                note: { type: 'string', description: 'What was ignored, for the reader of this file.' },
              },
            },
          ],
        },
      },
    },
  };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Each generated file's path (relative to the repository) and its text, given the repository's folder. */
export function generatedFiles(root: string): { path: string; text: string }[] {
  const manifest = JSON.parse(readFileSync(join(root, PACKAGE_JSON), 'utf8')) as {
    contributes: Record<string, unknown>;
    capabilities: { untrustedWorkspaces: Record<string, unknown> };
  };
  manifest.contributes.configuration = configurationContribution();
  manifest.capabilities.untrustedWorkspaces.restrictedConfigurations = RESTRICTED_SETTING_NAMES.map(
    (name) => `groundwork.${name}`,
  );
  return [
    { path: PACKAGE_JSON, text: json(manifest) },
    { path: PROJECT_SCHEMA, text: json(projectFileSchema()) },
  ];
}

// `--check` (the build in CI): fail instead of writing, so a commit whose generated files are stale or were edited
// by hand does not pass because the build fixed them on the CI machine.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(fileURLToPath(import.meta.url), '..', '..');
  const check = process.argv.includes('--check');
  for (const { path, text } of generatedFiles(root)) {
    if (readFileSync(join(root, path), 'utf8') === text) continue; // unchanged: package.json's time is left alone
    if (!check) writeFileSync(join(root, path), text);
    else {
      console.error(
        `${path} differs from what src/shared/settings-schema.ts defines: edit that file, run \`npm run build\` and commit both`,
      );
      process.exitCode = 1;
    }
  }
}
