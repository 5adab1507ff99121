import type { Dirent } from 'fs';
import { promises as fs } from 'fs';
import * as path from 'path';

/** Which folders to enter and which entries to list while walking a tree. */
export interface WalkFilesOptions {
  /** Enter the folder with this name? */
  enterDir(name: string): boolean;
  /** List this (non-folder) entry? */
  keepFile(entry: Dirent): boolean;
}

/** POSIX paths, relative to `dir`, of the entries `options` keeps; sorted. */
export async function walkFiles(
  dir: string,
  options: WalkFilesOptions,
): Promise<string[]> {
  const out: string[] = [];
  async function walk(rel: string) {
    const entries = await fs.readdir(path.join(dir, rel), {
      withFileTypes: true,
    });
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (options.enterDir(entry.name)) await walk(child);
      } else if (options.keepFile(entry)) {
        out.push(child);
      }
    }
  }
  await walk('');
  return out.sort();
}
