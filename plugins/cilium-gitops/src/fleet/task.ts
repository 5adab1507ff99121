/**
 * One fleet task: read and validate the spec (when given as a file), render
 * it, and write it when the task has an `outDir`. Never throws: every problem
 * becomes a {@link FleetFailure} naming the source; nothing is written for a
 * failed task (`writeRenderedRepo` stages everything before moving it).
 */
import { promises as fs } from 'fs';
import type { AddonCatalog } from '../catalog/types';
import { renderClusterRepo } from '../render';
import { writeRenderedRepo } from '../render/write';
import { formatIssues } from '../spec/errors';
import { validateClusterSpecYaml } from '../spec/parse';
import type { ClusterSpec } from '../spec/types';
import type { FleetResult, FleetTask } from './types';

export function sourceOf(task: FleetTask): string {
  return task.file ?? `spec ${task.spec?.metadata?.name ?? '(unnamed)'}`;
}

async function specOf(
  task: FleetTask,
  catalog: AddonCatalog,
  index: number,
): Promise<ClusterSpec | FleetResult> {
  const source = sourceOf(task);
  if (task.spec) return task.spec;
  let text: string;
  try {
    text = await fs.readFile(task.file, 'utf8');
  } catch (error) {
    const message = `${source}: cannot read: ${(error as Error).message}`;
    return { index, source, ok: false, message };
  }
  const valid = validateClusterSpecYaml(text, {
    ciliumVersions: catalog.ciliumVersions,
  });
  if (valid.ok) return valid.spec;
  return {
    index,
    source,
    ok: false,
    issues: valid.issues,
    message: `${source}: ${formatIssues(valid.issues)}`,
  };
}

export async function runFleetTask(
  index: number,
  task: FleetTask,
  catalog: AddonCatalog,
  options: { keepFiles: boolean },
): Promise<FleetResult> {
  const source = sourceOf(task);
  try {
    const spec = await specOf(task, catalog, index);
    if ('ok' in spec) return spec;
    const repo = renderClusterRepo(spec, catalog);
    const base = {
      index,
      source,
      ok: true as const,
      name: spec.metadata.name,
      rootApplicationPath: repo.rootApplicationPath,
      paths: repo.files.map(f => f.path),
    };
    if (task.outDir === undefined) {
      return options.keepFiles ? { ...base, files: repo.files } : base;
    }
    const written = await writeRenderedRepo(repo, task.outDir);
    return { ...base, outDir: written.outDir, removed: written.removed };
  } catch (error) {
    const message = `${source}: ${(error as Error).message}`;
    return { index, source, ok: false, message };
  }
}
