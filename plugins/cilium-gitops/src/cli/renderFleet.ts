/**
 * `cilium-gitops render-fleet <dir> --out <out>`: renders every
 * `<dir>/<name>/cluster.yaml` into `<out>/<name>/` on worker threads (a
 * chart bump in addons/ re-renders the whole fleet). Each cluster is
 * written atomically; an invalid spec is reported with every problem and
 * nothing is written for it, while the others are still rendered (exit 1).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { AddonCatalog } from '../catalog/types';
import { renderFleet } from '../fleet';
import { EXIT_INVALID, EXIT_OK, UsageError } from './usage';

export interface FleetCommandDeps {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  loadCatalog(): AddonCatalog;
}

export const SPEC_FILE = 'cluster.yaml';

/** `<name>` of every `<dir>/<name>/cluster.yaml`, sorted. */
export async function findClusterSpecs(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() && !entry.isSymbolicLink()) continue;
    const file = path.join(dir, entry.name, SPEC_FILE);
    if (
      await fs.stat(file).then(
        s => s.isFile(),
        () => false,
      )
    )
      names.push(entry.name);
  }
  return names.sort();
}

function parseConcurrency(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value))
    throw new UsageError(
      `--concurrency takes a positive integer, not "${value}"`,
    );
  return Number(value);
}

export async function renderFleetCommand(
  args: string[],
  options: { out?: string; concurrency?: string },
  deps: FleetCommandDeps,
): Promise<number> {
  if (args.length !== 1)
    throw new UsageError('render-fleet takes <dir> (with <name>/cluster.yaml)');
  if (!options.out) throw new UsageError('render-fleet needs --out <dir>');
  const concurrency = parseConcurrency(options.concurrency);
  const [dir] = args;
  const out = options.out;
  let names: string[];
  try {
    names = await findClusterSpecs(path.resolve(deps.cwd, dir));
  } catch (error) {
    deps.stderr(`${dir}: cannot read: ${(error as Error).message}\n`);
    return EXIT_INVALID;
  }
  if (names.length === 0) {
    deps.stderr(`${dir}: no <name>/${SPEC_FILE} in it\n`);
    return EXIT_INVALID;
  }
  const catalog = deps.loadCatalog();
  let failed = 0;
  const summary = await renderFleet(
    names.map(name => ({
      file: path.resolve(deps.cwd, dir, name, SPEC_FILE),
      outDir: path.resolve(deps.cwd, out, name),
    })),
    catalog,
    {
      concurrency,
      onRendered: result => {
        const name = names[result.index];
        const shown = path.join(dir, name, SPEC_FILE);
        if (!result.ok) {
          failed++;
          // Messages start with the absolute path; show it as given.
          deps.stderr(
            `${shown}${result.message.slice(result.source.length)}\n`,
          );
          return;
        }
        const target = path.join(out, name);
        for (const removed of result.removed ?? [])
          deps.stdout(`${target}: removed ${removed}\n`);
        deps.stdout(`rendered ${result.paths.length} files into ${target}\n`);
      },
    },
  );
  const done = names.length - failed;
  deps.stdout(
    `rendered ${done} of ${names.length} clusters into ${out} (${summary.concurrency} worker threads)\n`,
  );
  return failed ? EXIT_INVALID : EXIT_OK;
}
