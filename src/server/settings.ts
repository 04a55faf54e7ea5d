// The user's `groundwork.*` settings and the project's `.groundwork.json`, merged into what the server runs with.
// What each setting is, and how a malformed one falls back to its default, is defined in src/shared/settings-schema.ts.
import {
  readSeverityOverrides,
  SETTINGS,
  type GroundworkSettings,
  type Severities,
} from '../shared/settings-schema.js';

export {
  CHECK_FREQUENCIES,
  DEFAULT_SETTINGS,
  readSettings,
  SEVERITY_NAMES,
  type CheckFrequency,
  type GroundworkSettings,
  type SeverityName,
} from '../shared/settings-schema.js';

/** An ignored finding as stored in `.groundwork.json`. */
export interface IgnoredFinding {
  fingerprint: string;
  /** What was ignored, so a reader of the file can tell. */
  note?: string;
}

/** `.groundwork.json`: committed with the drafts, shared by everyone who works on them. */
export interface ProjectConfig {
  sources?: string[];
  /** A team corpus's connection string ('' turns off the one in the personal settings). */
  corpus?: string;
  severity?: Partial<Severities>;
  maxFileSizeKb?: number;
  ignore: IgnoredFinding[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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
    sources: SETTINGS.sources.read(raw.sources),
    corpus: SETTINGS.corpus.read(raw.corpus),
    severity: readSeverityOverrides(raw.severity),
    maxFileSizeKb: SETTINGS.maxFileSizeKb.read(raw.maxFileSizeKb),
    ignore,
  };
}

/** The project's file wins over personal settings: it is what the whole team agreed on. */
export function applyProjectConfig(
  settings: GroundworkSettings,
  project: ProjectConfig | undefined,
): GroundworkSettings {
  if (!project) return settings;
  return {
    ...settings,
    sources: project.sources ?? settings.sources,
    corpus: project.corpus ?? settings.corpus,
    severity: { ...settings.severity, ...project.severity },
    maxFileSizeKb: project.maxFileSizeKb ?? settings.maxFileSizeKb,
  };
}
