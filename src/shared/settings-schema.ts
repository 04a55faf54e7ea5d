// Every Groundwork setting, defined once: its type, default, limits and description. The server reads settings
// with it, the client and the CLI take their defaults from it, and scripts/build-settings.ts generates from it
// package.json's `contributes.configuration` and schemas/groundwork.schema.json (test/unit/settings-schema.test.ts
// fails when those files were edited by hand), so the editor, the project file and the server cannot disagree.
import { CODE_DESCRIPTIONS, FINDING_CODES, type FindingCode } from '../core/report/codes.js';

export const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type SeverityName = (typeof SEVERITY_NAMES)[number];
export const CHECK_FREQUENCIES = ['edit', 'save', 'manual'] as const;
export type CheckFrequency = (typeof CHECK_FREQUENCIES)[number];

/** A JSON Schema fragment (draft-07, as VS Code reads it). */
export type JsonSchema = Record<string, unknown>;

/** One setting: the schema both editors validate with, and the reader the server applies to what it is sent. */
export interface SettingDefinition<T> {
  default: T;
  /** The value's type and limits, without default and description (added where the setting is contributed). */
  schema: JsonSchema;
  /** What the user reads in the Settings editor (Markdown). */
  description: string;
  /** The value when it is valid, else undefined (the caller falls back to the default). */
  read(raw: unknown): T | undefined;
  /** `.groundwork.json` may set it too, winning over the personal setting. */
  inProjectFile?: boolean;
  /** Its description in `.groundwork.json` when it differs (paths there are relative to the file). */
  projectDescription?: string;
  /** In an untrusted workspace VS Code gives only the user's own value (package.json's `restrictedConfigurations`):
   *  a setting that says where Groundwork reads from or connects to. */
  restricted?: boolean;
  /** VS Code's configuration scope: `resource` can differ per workspace folder, `window` is one per window (VS Code's
   *  default, so it is always written out). The server reads the `window` ones without a folder. */
  scope: 'resource' | 'window';
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isOneOf = <T extends string>(options: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (options as readonly string[]).includes(value);

/** A number of at least `minimum`. */
function count(minimum: number, defaultValue: number, description: string): SettingDefinition<number> {
  return {
    default: defaultValue,
    schema: { type: 'number', minimum },
    description,
    read: (raw) => (isFiniteNumber(raw) && raw >= minimum ? raw : undefined),
    scope: 'resource',
  };
}

/** One of a fixed set of words. */
function choice<T extends string>(
  values: readonly T[],
  defaultValue: NoInfer<T>,
  description: string,
  enumDescriptions?: Record<T, string>,
): SettingDefinition<T> {
  return {
    default: defaultValue,
    schema: {
      type: 'string',
      enum: [...values],
      ...(enumDescriptions && { enumDescriptions: values.map((value) => enumDescriptions[value]) }),
    },
    description,
    read: (raw) => (isOneOf(values, raw) ? raw : undefined),
    scope: 'resource',
  };
}

/** A non-empty list of non-empty strings. */
function nonEmptyList(defaultValue: string[], description: string): SettingDefinition<string[]> {
  return {
    default: defaultValue,
    schema: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
    description,
    read: (raw) =>
      Array.isArray(raw) && raw.length > 0 && raw.every((item) => typeof item === 'string' && item !== '')
        ? raw
        : undefined,
    scope: 'resource',
  };
}

/** A list of words from `values` (an empty list is allowed: then nothing is a draft). */
function wordList(values: readonly string[], defaultValue: string[], description: string): SettingDefinition<string[]> {
  return {
    default: defaultValue,
    schema: { type: 'array', items: { type: 'string', enum: [...values] } },
    description,
    read: (raw) => (Array.isArray(raw) && raw.every((item) => isOneOf(values, item)) ? raw : undefined),
    scope: 'resource',
  };
}

/** A team corpus's connection string, or '' for none. Any text is read: the server checks it and says what is wrong
 *  (a password in it, say) instead of silently dropping it. */
function connectionString(description: string): SettingDefinition<string> {
  return {
    default: '',
    schema: { type: 'string' },
    description,
    read: (raw) => (typeof raw === 'string' ? raw.trim() : undefined),
    scope: 'resource',
  };
}

/** The palette command that stores a team corpus's password (src/client/corpusPassword.ts). */
export const CORPUS_PASSWORD_COMMAND_TITLE = 'Groundwork: Set Team Corpus Password';

export type Severities = Record<FindingCode, SeverityName>;

const DEFAULT_SEVERITIES: Severities = {
  misquote: 'warning',
  number: 'warning',
  date: 'warning',
  entity: 'warning',
  negation: 'warning',
  antonym: 'warning',
  attribution: 'warning',
  citation: 'warning',
  unsupported: 'information',
};

/** The valid severities of `raw`, code by code: one typo keeps the others. */
export function readSeverityOverrides(raw: unknown): Partial<Severities> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const given = raw as Record<string, unknown>;
  const overrides: Partial<Severities> = {};
  for (const code of FINDING_CODES) if (isOneOf(SEVERITY_NAMES, given[code])) overrides[code] = given[code];
  return overrides;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const severities: SettingDefinition<Severities> = {
  default: DEFAULT_SEVERITIES,
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(
      FINDING_CODES.map((code) => [
        code,
        {
          type: 'string',
          enum: [...SEVERITY_NAMES],
          default: DEFAULT_SEVERITIES[code],
          description: `Severity of \`${code}\` findings: ${lowerFirst(CODE_DESCRIPTIONS[code])}.`,
        },
      ]),
    ),
  },
  description: 'Severity of each kind of finding; "off" hides it.',
  read: (raw) => ({ ...DEFAULT_SEVERITIES, ...readSeverityOverrides(raw) }),
  scope: 'resource',
  inProjectFile: true,
};

/** The `groundwork.*` settings the server runs with, in the order the Settings editor shows them. */
export const SETTINGS = {
  sources: {
    ...nonEmptyList(
      ['seeds'],
      "Source documents: folders, files or globs (`archive/**/*.md`), relative to the workspace folder. `.groundwork.json`'s `sources` wins when present.",
    ),
    inProjectFile: true,
    restricted: true,
    projectDescription:
      "Source documents: folders, files or globs (`archive/**/*.md`), relative to this file's folder.",
  },
  corpus: {
    ...connectionString(
      `A team corpus on PostgreSQL to check drafts against, with the sources: a \`postgresql://user@host/database\` connection string without a password (give it with "${CORPUS_PASSWORD_COMMAND_TITLE}", \`PGPASSWORD\` or a \`PGPASSFILE\`). Empty: none. \`.groundwork.json\`'s \`corpus\` wins when present; a password is sent only to a connection string you named here or stored a password for.`,
    ),
    inProjectFile: true,
    restricted: true,
    projectDescription: `A team corpus on PostgreSQL: a \`postgresql://user@host/database\` connection string without a password. Each writer gives the password once ("${CORPUS_PASSWORD_COMMAND_TITLE}"); it is sent only to this exact connection string.`,
  },
  languages: wordList(
    ['markdown', 'plaintext'],
    ['markdown', 'plaintext'],
    'Language modes of the documents that Groundwork checks as drafts.',
  ),
  checkFrequency: choice(CHECK_FREQUENCIES, 'edit', 'When drafts are checked.', {
    edit: 'Check as you type (after a pause).',
    save: 'Check when the draft is opened and saved.',
    manual: 'Check only with "Groundwork: Check Current Document".',
  }),
  debounceMs: {
    ...count(0, 300, 'Pause after the last keystroke before a draft is re-checked (milliseconds).'),
    scope: 'window' as const,
  },
  typingHoldMs: {
    ...count(0, 1500, 'How long a new underline on the sentence being typed waits for you to pause (milliseconds).'),
    scope: 'window' as const,
  },
  maxFileSizeKb: {
    ...count(1, 2048, 'Sources and drafts larger than this (kilobytes) are skipped.'),
    inProjectFile: true,
  },
  severity: severities,
};

/** The settings only the VS Code client reads (vscode-languageclient's message trace). */
export const CLIENT_SETTINGS: Record<string, SettingDefinition<unknown>> = {
  'trace.server': {
    ...choice(
      ['off', 'messages', 'verbose'],
      'off',
      'Log the messages between VS Code and the Groundwork language server to the Groundwork output.',
    ),
    scope: 'window',
  },
};

type SettingsDefinitions = typeof SETTINGS;
export type GroundworkSettings = { [K in keyof SettingsDefinitions]: SettingsDefinitions[K]['default'] };
export type SettingName = keyof GroundworkSettings;

const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];
const definitionOf = (name: SettingName) => SETTINGS[name] as SettingDefinition<unknown>;

/** The `groundwork` configuration section as an editor sends it -> complete settings; anything malformed falls
 *  back to its default, setting by setting: a typo in one setting must not stop the checks. */
export function readSettings(raw: unknown): GroundworkSettings {
  const section =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  return Object.fromEntries(
    SETTING_NAMES.map((name) => [name, definitionOf(name).read(section[name]) ?? definitionOf(name).default]),
  ) as GroundworkSettings;
}

export const DEFAULT_SETTINGS: GroundworkSettings = readSettings({});

/** The settings that `.groundwork.json` may set. */
export const PROJECT_SETTING_NAMES = SETTING_NAMES.filter((name) => definitionOf(name).inProjectFile);

/** The settings an untrusted workspace may not set. */
export const RESTRICTED_SETTING_NAMES = SETTING_NAMES.filter((name) => definitionOf(name).restricted);
