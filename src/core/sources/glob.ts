// Just enough glob for `--sources` and settings (`seeds/**/*.md`, `*.{txt,md}`, `notes/day?.txt`): Node 20 has
// no fs.glob, and walking the folder ourselves lets one walker (hidden files, node_modules, unreadable
// folders) serve folders and globs alike.

const MAGIC = /[*?[{]/;

export function isGlob(input: string): boolean {
  return MAGIC.test(input);
}

/** Splits a pattern into the folder to walk (no wildcards) and the pattern relative to it, '/'-separated. */
export function splitGlob(pattern: string): { base: string; relative: string } {
  const segments = pattern.replace(/\\/g, '/').split('/');
  const firstMagic = segments.findIndex((segment) => isGlob(segment));
  const baseSegments = segments.slice(0, firstMagic);
  const base = baseSegments.length === 0 ? '.' : baseSegments.join('/') || '/';
  return { base, relative: segments.slice(firstMagic).join('/') };
}

/** How deep below the base a pattern can match: Infinity with `**`, else its number of segments. */
export function globDepth(relative: string): number {
  return relative.includes('**') ? Infinity : relative.split('/').length;
}

/** Matches a '/'-separated relative path: `**` any number of folders, `*` and `?` within one name, `{a,b}`, `[a-z]`. */
export function globToRegExp(relative: string): RegExp {
  return new RegExp(`^${translate(relative)}$`);
}

function translate(pattern: string): string {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*' && pattern[i + 1] === '*') {
      const followedBySlash = pattern[i + 2] === '/';
      source += followedBySlash ? '(?:[^/]+/)*' : '.*';
      i += followedBySlash ? 2 : 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[' && pattern.indexOf(']', i + 2) > 0) {
      const close = pattern.indexOf(']', i + 2);
      const body = pattern
        .slice(i + 1, close)
        .replace(/^!/, '^')
        .replace(/[\\\]]/g, '\\$&');
      source += `[${body}]`;
      i = close;
    } else if (char === '{' && matchingBrace(pattern, i) > 0) {
      const close = matchingBrace(pattern, i);
      source += `(?:${splitAlternatives(pattern.slice(i + 1, close))
        .map(translate)
        .join('|')})`;
      i = close;
    } else {
      source += char.replace(/[.+^$()|\\\]{}]/g, '\\$&');
    }
  }
  return source;
}

function matchingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '{') depth++;
    else if (pattern[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** "txt,{md,markdown}" -> ["txt", "{md,markdown}"]: commas inside nested braces do not split. */
function splitAlternatives(body: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      alternatives.push(body.slice(start, i));
      start = i + 1;
    }
  }
  alternatives.push(body.slice(start));
  return alternatives;
}

/** The folder (or file) a source input names: a glob's folder before its first wildcard, else the input itself. */
export function inputBase(input: string): string {
  return isGlob(input) ? splitGlob(input).base : input;
}
