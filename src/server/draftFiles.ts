// The drafts of a workspace, for "Check All Drafts": Markdown and text files that are not sources.
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

const EXTENSIONS_BY_LANGUAGE: Record<string, string[]> = {
  markdown: ['.md', '.markdown'],
  plaintext: ['.txt'],
};

export function languageOfPath(path: string): string | undefined {
  const extension = extname(path).toLowerCase();
  return Object.keys(EXTENSIONS_BY_LANGUAGE).find((language) => EXTENSIONS_BY_LANGUAGE[language].includes(extension));
}

export async function listDraftFiles(
  folders: readonly string[],
  options: { languages: readonly string[]; isSource(path: string): boolean; maxBytes: number },
): Promise<string[]> {
  const drafts: string[] = [];
  const visit = async (folder: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return; // an unreadable folder holds no draft we could check
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await visit(path);
      else if (entry.isFile() && isDraft(path)) drafts.push(path);
    }
  };
  const isDraft = (path: string) => {
    const language = languageOfPath(path);
    return language !== undefined && options.languages.includes(language) && !options.isSource(path);
  };
  for (const folder of folders) await visit(folder);
  const sizes = await Promise.all(
    drafts.map((path) =>
      stat(path).then(
        (stats) => stats.size,
        () => Infinity,
      ),
    ),
  );
  return drafts.filter((_, index) => sizes[index] <= options.maxBytes).sort();
}
