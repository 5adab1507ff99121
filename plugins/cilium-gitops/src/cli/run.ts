/**
 * The `cilium-gitops` command line: `render`, `render-fleet`, `validate`,
 * `diff`. Exit 0 on success, 1 on invalid input (every problem printed), 2 on
 * usage errors.
 * Nothing is written unless the spec is valid and the whole render succeeded.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import type { AddonCatalog } from '../catalog/types';
import { renderIssues } from '../render';
import { diffRenderedRepo, formatRepoDiff } from '../render/diff';
import { renderRepoWith } from '../render/renderRepo';
import { writeRenderedRepo } from '../render/write';
import type { RenderedRepo } from '../render/types';
import { formatIssues } from '../spec/errors';
import { validateClusterSpecYaml } from '../spec/parse';
import { type NamedSpec, meshSetIssues } from '../spec/rules/meshSet';
import type { ClusterSpec } from '../spec/types';
import { CHANGE_FLAG_NAMES } from '../change/parseFlags';
import { CLUSTER_YAML_PATH } from '../render/clusterYaml';
import { changeCommand } from './change';
import { renderFleetCommand } from './renderFleet';
import { printMeshIssues, validateMeshCommand } from './validateMesh';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError } from './usage';
import type { CliDeps } from './CliDeps';

export { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './usage';

export const USAGE = `Usage: cilium-gitops <command> [options]

Commands:
  validate <spec.yaml>...              check cluster specs; prints every problem; with
                                       several, also checks the Cluster Mesh between them
  render <spec.yaml> --out <dir>       render the cluster's GitOps repository into <dir>
  render-fleet <dir> --out <out> [--concurrency <n>]
                                       render every <dir>/<name>/cluster.yaml into
                                       <out>/<name>/ on <n> worker threads (default: one
                                       per core); an invalid spec is reported and skipped
  diff [<spec.yaml>] <existing-repo>   show what a re-render would change (default spec:
                                       <existing-repo>/cluster.yaml)
  change <repo dir> <change> [--dry-run]
                                       apply one change to <repo dir>/cluster.yaml,
                                       validate, re-render into <repo dir>, print the diff.
                                       <change> is one of:
                                         --split <ns>/<route>=<backend>:<weight>,...
                                         --enable <add-on|demo app>, --disable <...>
                                         --cilium-version <x.y.z|x.y>
                                         --add-mesh-peer <name>, --remove-mesh-peer <name>
                                         --add-lb-pool <name>=<cidr>
                                         --add-bgp-peer <name>=<address>:<asn>
                                         --policies <file.yaml|json> --namespace <ns>
                                           (CiliumNetworkPolicies: replace the set in
                                           manifests/policies/<ns>/, add its Argo CD
                                           Application apps/policies-<ns>.yaml once)
  validate-mesh <dir>                  Cluster Mesh preflight over every <dir>/<name>/cluster.yaml:
                                       unique names and ids, distinct pod CIDRs, mutual and
                                       existing peers, Cilium minors within one, one mesh CA

Exit codes: 0 success, 1 invalid input, 2 usage error.
`;

type Loaded =
  | { ok: true; spec: ClusterSpec; catalog: AddonCatalog }
  | { ok: false };

async function loadSpec(file: string, deps: CliDeps): Promise<Loaded> {
  let text: string;
  try {
    text = await fs.readFile(path.resolve(deps.cwd, file), 'utf8');
  } catch (error) {
    deps.stderr(`${file}: cannot read: ${(error as Error).message}\n`);
    return { ok: false };
  }
  const catalog = deps.loadCatalog();
  const result = validateClusterSpecYaml(text, {
    ciliumVersions: catalog.ciliumVersions,
  });
  const issues = result.ok
    ? renderIssues(result.spec, catalog, deps.components())
    : result.issues;
  if (!result.ok || issues.length) {
    deps.stderr(`${file}: ${formatIssues(issues)}\n`);
    return { ok: false };
  }
  return { ok: true, spec: result.spec, catalog };
}

/** The spec in `file` rendered; undefined (after printing why) when it does not load. */
async function loadAndRender(
  file: string,
  deps: CliDeps,
): Promise<RenderedRepo | undefined> {
  const loaded = await loadSpec(file, deps);
  if (!loaded.ok) return undefined;
  return renderRepoWith(loaded.spec, loaded.catalog, deps.components());
}

function positionals(
  args: string[],
  names: string[],
  command: string,
): string[] {
  if (args.length !== names.length) {
    throw new UsageError(
      `${command} takes ${names.map(n => `<${n}>`).join(' ')}`,
    );
  }
  return args;
}

async function run(argv: string[], deps: CliDeps): Promise<number> {
  const { values, positionals: words } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string', short: 'o' },
      concurrency: { type: 'string', short: 'j' },
      help: { type: 'boolean', short: 'h' },
      'dry-run': { type: 'boolean' },
      namespace: { type: 'string' },
      ...Object.fromEntries(
        CHANGE_FLAG_NAMES.map(n => [n, { type: 'string' as const }]),
      ),
    },
    allowPositionals: true,
    strict: true,
  });
  const [command, ...rest] = words;
  if (values.help) {
    deps.stdout(USAGE);
    return EXIT_OK;
  }
  if (
    command !== 'render' &&
    command !== 'render-fleet' &&
    values.out !== undefined
  ) {
    throw new UsageError(`--out is an option of render and render-fleet only`);
  }
  if (
    command !== 'change' &&
    (values['dry-run'] !== undefined ||
      values.namespace !== undefined ||
      CHANGE_FLAG_NAMES.some(
        n => (values as Record<string, unknown>)[n] !== undefined,
      ))
  ) {
    throw new UsageError(
      `--dry-run and the change flags are options of change only`,
    );
  }
  if (command !== 'render-fleet' && values.concurrency !== undefined) {
    throw new UsageError(`--concurrency is an option of render-fleet only`);
  }
  switch (command) {
    case 'validate':
      return validate(rest, deps);
    case 'render': {
      const [file] = positionals(rest, ['spec.yaml'], 'render');
      if (!values.out) throw new UsageError('render needs --out <dir>');
      const repo = await loadAndRender(file, deps);
      if (!repo) return EXIT_INVALID;
      const result = await writeRenderedRepo(
        repo,
        path.resolve(deps.cwd, values.out),
      );
      for (const removed of result.removed) deps.stdout(`removed ${removed}\n`);
      deps.stdout(
        `rendered ${result.written.length} files into ${values.out} (root Application: ${repo.rootApplicationPath})\n`,
      );
      const inside = path.relative(result.outDir, deps.cwd);
      if (
        result.replaced &&
        !inside.startsWith('..') &&
        !path.isAbsolute(inside)
      ) {
        deps.stdout(
          `${values.out} was swapped for the new tree in one rename: run cd "$PWD" to see it\n`,
        );
      }
      return EXIT_OK;
    }
    case 'render-fleet':
      return renderFleetCommand(rest, values, deps);
    case 'validate-mesh':
      return validateMeshCommand(rest, deps, file => loadSpec(file, deps));
    case 'change':
      return changeCommand(
        rest,
        values as Parameters<typeof changeCommand>[1],
        deps,
      );
    case 'diff': {
      const [file, dir] =
        rest.length === 1
          ? [path.join(rest[0], CLUSTER_YAML_PATH), rest[0]]
          : positionals(rest, ['spec.yaml', 'existing-repo-dir'], 'diff');
      const repo = await loadAndRender(file, deps);
      if (!repo) return EXIT_INVALID;
      deps.stdout(
        formatRepoDiff(
          await diffRenderedRepo(repo, path.resolve(deps.cwd, dir)),
        ),
      );
      return EXIT_OK;
    }
    case undefined:
      throw new UsageError('missing command');
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function validate(files: string[], deps: CliDeps): Promise<number> {
  if (files.length === 0) throw new UsageError('validate takes <spec.yaml>...');
  const valid: NamedSpec[] = [];
  for (const file of files) {
    const loaded = await loadSpec(file, deps);
    if (loaded.ok) valid.push({ source: file, spec: loaded.spec });
  }
  if (valid.length < files.length) return EXIT_INVALID;
  const meshIssues = meshSetIssues(valid);
  printMeshIssues(meshIssues, files, deps);
  if (meshIssues.length) return EXIT_INVALID;
  for (const { source, spec } of valid) {
    deps.stdout(
      `${source}: valid ClusterSpec ${spec.metadata.name} (cluster id ${spec.spec.clusterId}, Cilium ${spec.spec.cilium.version})\n`,
    );
  }
  return EXIT_OK;
}

/** Runs one command; never throws for user errors, returns the exit code. */
export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  let catalog: AddonCatalog | undefined;
  const loadCatalog = () => (catalog ??= deps.loadCatalog());
  try {
    return await run(argv, { ...deps, loadCatalog });
  } catch (error) {
    const usage =
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (usage) {
      deps.stderr(`cilium-gitops: ${(error as Error).message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    deps.stderr(`cilium-gitops: ${(error as Error).message}\n`);
    return EXIT_INVALID;
  }
}

export type { CliDeps };
