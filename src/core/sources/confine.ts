// Where sources may come from. A workspace's own configuration may name only what is inside the workspace, and a
// link inside a source folder may not lead out of it unless the user said so: otherwise `/etc/passwd`, or a file a
// link points at, ends up in hovers, JSON and SARIF (which CI may upload). Compared by real path, links resolved.
import { realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

export interface Confinement {
  /** Folders (or files) sources must stay inside once links are resolved. */
  roots: readonly string[];
  /** What a warning about a skipped file adds: how the user can allow it. */
  hint: string;
}

/** The real paths of `paths` (a missing one as given, made absolute). */
export async function realRoots(paths: readonly string[]): Promise<string[]> {
  return Promise.all(paths.map((path) => realpath(resolve(path)).catch(() => resolve(path))));
}

/** Whether the real path `path` is one of `roots` or inside one (roots are real paths too). */
export function isInside(path: string, roots: readonly string[]): boolean {
  return roots.some((root) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep));
}

export function outsideMessage(real: string, confine: Confinement): string {
  return `leads outside ${confine.roots.join(', ')} (to ${real}); ${confine.hint}`;
}
