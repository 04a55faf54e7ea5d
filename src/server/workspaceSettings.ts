// Settings per workspace folder. In a multi-root workspace each folder has its own `groundwork.*` settings (VS Code
// scopes them per folder) and its own `.groundwork.json` on top of them; a draft is checked with the settings of the
// folder that holds it, and a finding ignored in one folder stays flagged in the others.
import { sep } from 'node:path';
import { applyProjectConfig, type GroundworkSettings, type ProjectConfig } from './settings.js';

export interface FolderSettings {
  folder: string;
  settings: GroundworkSettings;
  /** Fingerprints from the folder's `.groundwork.json`. */
  ignored: Set<string>;
}

/** A folder's settings: the editor's settings for that folder, then its project file, which wins. */
export function folderSettings(
  folder: string,
  editorSettings: GroundworkSettings,
  project: ProjectConfig | undefined,
): FolderSettings {
  return {
    folder,
    settings: applyProjectConfig(editorSettings, project),
    ignored: new Set((project?.ignore ?? []).map((entry) => entry.fingerprint)),
  };
}

export class WorkspaceSettings {
  /**
   * @param folders one entry per workspace folder
   * @param outside the settings of a draft in no folder (an untitled one, or no workspace at all)
   */
  constructor(
    readonly folders: readonly FolderSettings[],
    private readonly outside: GroundworkSettings,
  ) {}

  /** The folder that holds `path`: the innermost one when folders are nested. */
  folderOf(path: string | undefined): FolderSettings | undefined {
    if (path === undefined) return undefined;
    let found: FolderSettings | undefined;
    for (const candidate of this.folders) {
      const inside =
        path === candidate.folder ||
        path.startsWith(candidate.folder.endsWith(sep) ? candidate.folder : candidate.folder + sep);
      if (inside && (!found || candidate.folder.length > found.folder.length)) found = candidate;
    }
    return found;
  }

  settingsFor(path: string | undefined): GroundworkSettings {
    return this.folderOf(path)?.settings ?? this.outside;
  }

  ignoredFor(path: string | undefined): ReadonlySet<string> {
    return this.folderOf(path)?.ignored ?? new Set();
  }

  /** The team corpora some draft is checked against ('' where none is named). */
  corpusUrls(): string[] {
    return [...new Set([...this.folders.map(({ settings }) => settings.corpus), this.outside.corpus])];
  }

  /** The size limit of the one index that holds every folder's sources: it keeps a file that any folder allows. */
  maxSourceFileSizeKb(): number {
    const limits =
      this.folders.length > 0
        ? this.folders.map(({ settings }) => settings.maxFileSizeKb)
        : [this.outside.maxFileSizeKb];
    return Math.max(...limits);
  }
}
