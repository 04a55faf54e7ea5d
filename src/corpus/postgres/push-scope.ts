// Which stored documents a push speaks for: those under the folders it names, matching the globs it names, or
// named outright. A stored document in its scope whose file is gone was deleted, and the push removes it; one
// outside (another reporter's folder) is left alone.
import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { globToRegExp, isGlob, splitGlob } from '../../core/sources/glob.js';

/** A path as stored: relative to the folder the push runs in, '/'-separated, so a desk shares one naming. */
export function storedPath(absolute: string, cwd = process.cwd()): string {
  return relative(cwd, absolute).split(sep).join('/');
}

export function pushScope(inputs: readonly string[], cwd = process.cwd()): (path: string) => boolean {
  const tests = inputs.map((input): ((path: string) => boolean) => {
    if (isGlob(input)) {
      const { base, relative: pattern } = splitGlob(input);
      const root = storedPath(resolve(cwd, base), cwd);
      const matcher = globToRegExp(pattern);
      return (path) =>
        root === '' ? matcher.test(path) : path.startsWith(`${root}/`) && matcher.test(path.slice(root.length + 1));
    }
    const named = storedPath(resolve(cwd, input), cwd);
    let folder = false;
    try {
      folder = statSync(resolve(cwd, input)).isDirectory();
    } catch {
      // Gone: it was a file (a folder that is gone says so when listed, and its documents stay).
    }
    if (folder) return (path) => named === '' || path.startsWith(`${named}/`);
    return (path) => path === named;
  });
  return (path) => tests.some((test) => test(path));
}
