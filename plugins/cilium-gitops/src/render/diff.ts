/** What a re-render would change in an existing repository. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { CLUSTER_YAML_PATH } from './clusterYaml';
import { readGeneratedFiles } from './existing';
import { unifiedDiff } from './lineDiff';
import { readManifest } from './manifest';
import type { RenderedRepo } from './types';

export interface FileChange {
  path: string;
  /** Unified line diff, existing → rendered. */
  diff: string;
}

export interface RepoDiff {
  /** Rendered, but not in the existing repository. */
  added: string[];
  /** Generated files of the existing repository the render no longer has. */
  removed: string[];
  changed: FileChange[];
  unchanged: number;
}

export function isEmptyDiff(diff: RepoDiff): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length === 0;
}

/**
 * The files a re-render would replace: those of the render manifest, or, in
 * a repository rendered before manifests, those with the generated header.
 */
async function generatedFiles(dir: string): Promise<Map<string, string>> {
  const manifest = await readManifest(dir).catch(() => undefined);
  if (!manifest) return readGeneratedFiles(dir);
  const result = new Map<string, string>();
  for (const file of manifest.files) {
    const content = await fs
      .readFile(path.join(dir, file), 'utf8')
      .catch(() => undefined);
    if (content !== undefined) result.set(file, content);
  }
  return result;
}

/** Compares with the generated files of `existingDir`. */
export async function diffRenderedRepo(
  repo: RenderedRepo,
  existingDir: string,
): Promise<RepoDiff> {
  const existing = await generatedFiles(existingDir);
  // cluster.yaml has no generated header: a render from before manifests
  // does not list it; compare it when the render has it.
  if (repo.files.some(f => f.path === CLUSTER_YAML_PATH)) {
    const spec = await fs
      .readFile(path.join(existingDir, CLUSTER_YAML_PATH), 'utf8')
      .catch(() => undefined);
    if (spec !== undefined) existing.set(CLUSTER_YAML_PATH, spec);
  }
  const result: RepoDiff = {
    added: [],
    removed: [],
    changed: [],
    unchanged: 0,
  };
  const rendered = new Set<string>();
  for (const file of repo.files) {
    rendered.add(file.path);
    const before = existing.get(file.path);
    if (before === undefined) result.added.push(file.path);
    else if (before === file.content) result.unchanged++;
    else
      result.changed.push({
        path: file.path,
        diff: unifiedDiff(before, file.content),
      });
  }
  result.removed = [...existing.keys()].filter(p => !rendered.has(p)).sort();
  return result;
}

/** `git diff`-like text: `+ added`, `- removed`, and a diff per changed file. */
export function formatRepoDiff(diff: RepoDiff): string {
  if (isEmptyDiff(diff))
    return `no changes (${diff.unchanged} files up to date)\n`;
  const lines: string[] = [];
  for (const p of diff.added) lines.push(`added:   ${p}`);
  for (const p of diff.removed) lines.push(`removed: ${p}`);
  for (const c of diff.changed) lines.push(`changed: ${c.path}`);
  for (const c of diff.changed)
    lines.push(
      '',
      `--- a/${c.path}`,
      `+++ b/${c.path}`,
      c.diff.replace(/\n$/, ''),
    );
  lines.push(
    '',
    `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged`,
  );
  return `${lines.join('\n')}\n`;
}
