// Which sources a workspace reads, and where they may lead. A folder's `.groundwork.json` belongs to the workspace,
// which may be untrusted: it may name sources only inside that folder (links resolved), or it could put
// `/etc/passwd` into hovers and reports. The user's own settings may name sources anywhere. (VS Code gives the
// server only the user's value of `groundwork.sources` in an untrusted workspace: it is a restricted setting.)
import { isAbsolute, join } from 'node:path';
import type { Confinement } from '../core/sources/confine.js';
import { inputBase } from '../core/sources/glob.js';
import { applyProjectConfig, type GroundworkSettings, type ProjectConfig } from './settings.js';

export const OUTSIDE_WORKSPACE_HINT =
  'a workspace may name sources only inside its folder: name others in your own settings (groundwork.sources)';

/** Each folder's source inputs (its project file's, else the settings'), absolute, and where they may lead. */
export function workspaceSourceInputs(
  settings: GroundworkSettings,
  projects: readonly { folder: string; config?: ProjectConfig }[],
): { inputs: string[]; confine: Confinement } {
  const roots = projects.map(({ folder }) => folder);
  const inputs = projects.flatMap(({ folder, config }) => {
    const folderInputs = applyProjectConfig(settings, config).sources.map((input) =>
      isAbsolute(input) ? input : join(folder, input),
    );
    if (config?.sources === undefined) roots.push(...folderInputs.map(inputBase));
    return folderInputs;
  });
  return { inputs, confine: { roots, hint: OUTSIDE_WORKSPACE_HINT } };
}
