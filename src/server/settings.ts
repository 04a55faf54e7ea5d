// The user's `groundwork.*` settings and the project's `.groundwork.json`, merged into what the server runs with.
// Anything malformed falls back to the default, field by field: a typo in a setting must not stop the checks.
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../shared/protocol.js';

export const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type SeverityName = (typeof SEVERITY_NAMES)[number];
export const CHECK_FREQUENCIES = ['edit', 'save', 'manual'] as const;
export type CheckFrequency = (typeof CHECK_FREQUENCIES)[number];

export interface GroundworkSettings {
  /** Source folders, files or globs, relative to each workspace folder (or absolute). */
  sources: string[];
  /** Language ids of the documents that are drafts. */
  languages: string[];
  checkFrequency: CheckFrequency;
  debounceMs: number;
  /** How long a new underline on the sentence being typed waits for the writer to pause. */
  typingHoldMs: number;
  severity: Record<DiagnosticCode, SeverityName>;
  /** Sources and drafts larger than this are skipped. */
  maxFileSizeKb: number;
}

export const DEFAULT_SETTINGS: GroundworkSettings = {
  sources: ['seeds'],
  languages: ['markdown', 'plaintext'],
  checkFrequency: 'edit',
  debounceMs: 300,
  typingHoldMs: 1500,
  severity: {
    misquote: 'warning',
    number: 'warning',
    date: 'warning',
    entity: 'warning',
    negation: 'warning',
    antonym: 'warning',
    attribution: 'warning',
    citation: 'warning',
    unsupported: 'information',
  },
  maxFileSizeKb: 2048,
};

/** An ignored finding as stored in `.groundwork.json`. */
export interface IgnoredFinding {
  fingerprint: string;
  /** What was ignored, so a reader of the file can tell. */
  note?: string;
}

/** `.groundwork.json`: committed with the drafts, shared by everyone who works on them. */
export interface ProjectConfig {
  sources?: string[];
  severity?: Partial<Record<DiagnosticCode, SeverityName>>;
  maxFileSizeKb?: number;
  ignore: IgnoredFinding[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isOneOf = <T extends string>(options: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (options as readonly string[]).includes(value);

function readSeverities(raw: unknown): Partial<Record<DiagnosticCode, SeverityName>> {
  if (!isRecord(raw)) return {};
  const severities: Partial<Record<DiagnosticCode, SeverityName>> = {};
  for (const code of DIAGNOSTIC_CODES) if (isOneOf(SEVERITY_NAMES, raw[code])) severities[code] = raw[code];
  return severities;
}

/** The `groundwork` configuration section as the client sends it -> complete settings. */
export function readSettings(raw: unknown): GroundworkSettings {
  const section = isRecord(raw) ? raw : {};
  return {
    sources: isStringArray(section.sources) && section.sources.length > 0 ? section.sources : DEFAULT_SETTINGS.sources,
    languages: isStringArray(section.languages) ? section.languages : DEFAULT_SETTINGS.languages,
    checkFrequency: isOneOf(CHECK_FREQUENCIES, section.checkFrequency)
      ? section.checkFrequency
      : DEFAULT_SETTINGS.checkFrequency,
    debounceMs: isCount(section.debounceMs) ? section.debounceMs : DEFAULT_SETTINGS.debounceMs,
    typingHoldMs: isCount(section.typingHoldMs) ? section.typingHoldMs : DEFAULT_SETTINGS.typingHoldMs,
    severity: { ...DEFAULT_SETTINGS.severity, ...readSeverities(section.severity) },
    maxFileSizeKb: isCount(section.maxFileSizeKb) ? section.maxFileSizeKb : DEFAULT_SETTINGS.maxFileSizeKb,
  };
}

/** The text of `.groundwork.json` -> its config; throws a readable error on invalid JSON. */
export function parseProjectConfig(text: string): ProjectConfig {
  const raw: unknown = JSON.parse(text);
  if (!isRecord(raw)) throw new Error('.groundwork.json must hold a JSON object');
  const ignore = Array.isArray(raw.ignore)
    ? raw.ignore.flatMap((entry): IgnoredFinding[] => {
        if (typeof entry === 'string') return [{ fingerprint: entry }];
        if (isRecord(entry) && typeof entry.fingerprint === 'string') {
          return [{ fingerprint: entry.fingerprint, note: typeof entry.note === 'string' ? entry.note : undefined }];
        }
        return [];
      })
    : [];
  return {
    sources: isStringArray(raw.sources) && raw.sources.length > 0 ? raw.sources : undefined,
    severity: readSeverities(raw.severity),
    maxFileSizeKb: isCount(raw.maxFileSizeKb) ? raw.maxFileSizeKb : undefined,
    ignore,
  };
}

/** The project's file wins over personal settings: it is what the whole team agreed on. */
export function applyProjectConfig(settings: GroundworkSettings, project: ProjectConfig | undefined): GroundworkSettings {
  if (!project) return settings;
  return {
    ...settings,
    sources: project.sources ?? settings.sources,
    severity: { ...settings.severity, ...project.severity },
    maxFileSizeKb: project.maxFileSizeKb ?? settings.maxFileSizeKb,
  };
}
