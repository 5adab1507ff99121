/**
 * `cilium-gitops change <repo dir> --split ns/name=a:50,b:50 [--dry-run]`:
 * reads `<repo dir>/cluster.yaml`, applies one change, validates, re-renders
 * into the folder and prints the unified diff with git's summary line.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { ChangeError } from '../change/ChangeError';
import { type ChangeFlags, changeFromFlags } from '../change/parseFlags';
import { planChange } from '../change/plan';
import { readRepoDir } from '../change/repoDir';
import { writeRenderedRepo } from '../render/write';
import type { CliDeps } from './CliDeps';
import { EXIT_INVALID, EXIT_OK, UsageError } from './usage';

export async function changeCommand(
  args: string[],
  flags: ChangeFlags & { 'dry-run'?: boolean },
  deps: CliDeps,
): Promise<number> {
  if (args.length !== 1) throw new UsageError('change takes <repo dir>');
  let policyText: string | undefined;
  if (flags.policies !== undefined) {
    try {
      policyText = await fs.readFile(
        path.resolve(deps.cwd, flags.policies),
        'utf8',
      );
    } catch (error) {
      deps.stderr(
        `--policies ${flags.policies}: cannot read: ${
          (error as Error).message
        }\n`,
      );
      return EXIT_INVALID;
    }
  }
  let change;
  try {
    change = changeFromFlags({ ...flags, policies: policyText });
  } catch (error) {
    if (!(error instanceof ChangeError)) throw error;
    deps.stderr(`${error.message}\n`);
    return EXIT_INVALID;
  }
  const dir = path.resolve(deps.cwd, args[0]);
  let files: Map<string, string>;
  try {
    files = await readRepoDir(dir);
  } catch (error) {
    deps.stderr(`${args[0]}: cannot read: ${(error as Error).message}\n`);
    return EXIT_INVALID;
  }
  let plan;
  try {
    plan = planChange(files, change, {
      catalog: deps.loadCatalog(),
      components: deps.components(),
    });
  } catch (error) {
    if (!(error instanceof ChangeError)) throw error;
    deps.stderr(`${args[0]}: ${error.message}\n`);
    return EXIT_INVALID;
  }
  if (plan.unchanged) {
    deps.stdout(
      `no changes: the change renders the same bytes as ${args[0]}; nothing written\n`,
    );
    return EXIT_OK;
  }
  deps.stdout(plan.diff);
  deps.stdout(`${plan.summary}\n`);
  if (flags['dry-run']) {
    deps.stdout('dry run: nothing written\n');
    return EXIT_OK;
  }
  if (plan.repo) await writeRenderedRepo(plan.repo, dir);
  else await writePlanFiles(dir, plan.writes);
  deps.stdout(`wrote ${plan.files.length} files into ${args[0]}\n`);
  return EXIT_OK;
}

/**
 * The writes of a change that renders nothing (policies): each new file goes
 * to a temporary name beside it and is renamed into place, then the removed
 * files go; every content is ready before the first byte is written.
 */
async function writePlanFiles(
  dir: string,
  writes: Map<string, string | null>,
): Promise<void> {
  const staged: [string, string][] = [];
  for (const [file, content] of writes) {
    if (content === null) continue;
    const abs = path.join(dir, file);
    await fs.mkdir(path.dirname(abs), { recursive: true });
    const tmp = `${abs}.tmp-${process.pid}`;
    await fs.writeFile(tmp, content, 'utf8');
    staged.push([tmp, abs]);
  }
  for (const [tmp, abs] of staged) await fs.rename(tmp, abs);
  for (const [file, content] of writes)
    if (content === null) await fs.rm(path.join(dir, file), { force: true });
}
