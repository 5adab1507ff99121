/** A repository folder on disk as the file map the change pipeline reads. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { listFiles } from '../render/existing';

/** Every file under `dir` (without `.git` and other dot-folders): path → text. */
export async function readRepoDir(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const file of await listFiles(dir))
    files.set(file, await fs.readFile(path.join(dir, file), 'utf8'));
  return files;
}
