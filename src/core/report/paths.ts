// Paths in reports are relative to the folder the check ran in, when they lie inside it: shorter to read,
// and stable across machines for CI annotations.
import { isAbsolute, relative, sep } from 'node:path';

/** `path` relative to `base` with '/' separators, or undefined when it lies outside `base`. */
export function pathInside(path: string, base: string): string | undefined {
  if (!isAbsolute(path)) return path.split(sep).join('/');
  const rel = relative(base, path);
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? undefined : rel.split(sep).join('/');
}

export function displayPath(path: string, base: string): string {
  return pathInside(path, base) ?? path;
}
