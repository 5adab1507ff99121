/**
 * Change benchmark (run with `yarn bench:change`; prints figures, asserts
 * nothing). On a local bare repository of democluster1 with 500 commits of
 * history (packed, as `git clone --bare` leaves it), 50 runs of one traffic
 * split change each (the weights differ every run, so every run commits):
 *
 * - preview: read the head with isomorphic-git, apply, validate, render,
 *   diff — what `cilium:cluster:change` does before it writes (the addon
 *   catalog is read per run, as the action does);
 * - commit: our fast-forward commit of the changed files onto that head;
 * - baseline, same run: the `git` command line committing the same files
 *   into a clone of the same repository (write the files, `git add -A`,
 *   `git commit`).
 *
 * Prints `change-bench preview_p95_ms=<n> commit_p95_ms=<n> vs_git=<ratio>`
 * (vs_git = our commit p95 ÷ git's p95). Targets: preview p95 ≤ 150 ms,
 * vs_git ≤ 1.5.
 */
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { loadavg, tmpdir } from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import {
  loadAddonCatalog,
  parseClusterSpec,
  planChange,
  renderClusterRepo,
  exampleClusterSpecDocument,
} from '@internal/cilium-gitops';
import {
  commitOnHead,
  readHeadTree,
} from '@internal/plugin-scaffolder-backend-module-cilium';

const HISTORY = 500;
const RUNS = 50;
const WARMUP = 3;
const identity = { name: 'Bench', email: 'bench@example.net' };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))
  ];
}
const p95 = (values: number[]) => percentile(values, 0.95);
const p50 = (values: number[]) => percentile(values, 0.5);

const git = (cwd: string, args: string[], input?: string) =>
  execFileSync('git', args, {
    cwd,
    input,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: identity.name,
      GIT_AUTHOR_EMAIL: identity.email,
      GIT_COMMITTER_NAME: identity.name,
      GIT_COMMITTER_EMAIL: identity.email,
    },
  });

/** democluster1's repository, then 499 commits of history, through `git fast-import`. */
function buildRepository(root: string): string {
  const catalog = loadAddonCatalog();
  const doc: any = exampleClusterSpecDocument();
  doc.spec.demoApps = { bookinfo: true, echo: true, jobsApp: true };
  const repo = renderClusterRepo(
    parseClusterSpec(doc, { ciliumVersions: catalog.ciliumVersions }),
    catalog,
  );
  const work = path.join(root, 'work');
  mkdirSync(work);
  git(work, ['init', '-q', '-b', 'main']);
  const chunks: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let time = 1_700_000_000;
  for (let i = 0; i < HISTORY; i++) {
    chunks.push(
      'commit refs/heads/main\n',
      `committer Bench <bench@example.net> ${time++} +0000\n`,
      data(
        i === 0
          ? 'Cluster GitOps repository rendered by Backstage'
          : `history ${i}`,
      ),
    );
    if (i === 0) {
      for (const f of repo.files)
        chunks.push(
          `M ${f.path.endsWith('.sh') ? '100755' : '100644'} inline ${
            f.path
          }\n`,
          data(f.content),
        );
    } else {
      chunks.push(
        'M 100644 inline NOTES.md\n',
        data(`operator notes, revision ${i}\n`),
      );
    }
    chunks.push('\n');
  }
  git(work, ['fast-import', '--quiet'], chunks.join(''));
  git(work, ['reset', '-q', '--hard', 'main']);
  const gitdir = path.join(root, 'democluster1.git');
  git(root, ['clone', '-q', '--bare', work, gitdir]);
  return gitdir;
}

async function main() {
  const root = mkdtempSync(path.join(tmpdir(), 'change-bench-'));
  try {
    const gitdir = buildRepository(root);
    const clone = path.join(root, 'clone');
    git(root, ['clone', '-q', gitdir, clone]);
    const commits = git(gitdir, ['rev-list', '--count', 'main']).trim();

    let coldPreview = 0;
    const preview: number[] = [];
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const w = (run % 99) + 1;
      const change = {
        kind: 'split' as const,
        route: 'echo/echo',
        backends: { 'echo-1': w, 'echo-2': 100 - w },
      };

      const t0 = performance.now();
      const cache = {};
      const base = await readHeadTree(gitdir, 'main', cache);
      const plan = planChange(base.files, change, {
        catalog: loadAddonCatalog(),
      });
      const t1 = performance.now();
      await commitOnHead({
        gitdir,
        branch: 'main',
        base,
        writes: plan.writes,
        message: `split ${w}/${100 - w}`,
        author: identity,
        committer: identity,
        cache,
      });
      const t2 = performance.now();

      for (const [file, content] of plan.writes) {
        if (content === null) rmSync(path.join(clone, file));
        else writeFileSync(path.join(clone, file), content);
      }
      git(clone, ['add', '-A']);
      git(clone, ['commit', '-q', '-m', `split ${w}/${100 - w}`]);
      const t3 = performance.now();

      if (plan.files.length !== 2)
        throw new Error(
          `run ${run}: expected 2 changed files, got ${plan.summary}`,
        );
      if (run === 0) coldPreview = t1 - t0;
      if (run >= WARMUP) {
        preview.push(t1 - t0);
        ours.push(t2 - t1);
        theirs.push(t3 - t2);
      }
    }
    // Both sides committed the same trees.
    const a = git(gitdir, ['rev-parse', 'main^{tree}']).trim();
    const b = git(clone, ['rev-parse', 'HEAD^{tree}']).trim();
    if (a !== b) throw new Error(`trees differ: ours ${a}, git ${b}`);
    git(gitdir, ['fsck', '--strict', '--no-progress']);

    const previewP95 = p95(preview);
    const oursP95 = p95(ours);
    const gitP95 = p95(theirs);
    console.log(
      `repository: ${commits} commits before the runs, ${RUNS} runs after ${WARMUP} warm-up; load average ${loadavg()[0].toFixed(
        2,
      )}`,
    );
    console.log(
      `first preview, cold (objects read from the pack, addon catalog parsed): ${coldPreview.toFixed(
        1,
      )} ms; later previews read only the objects new since (git objects are immutable, cached by id)`,
    );
    console.log(
      `p50: preview ${p50(preview).toFixed(1)} ms, commit ${p50(ours).toFixed(
        1,
      )} ms, git CLI commit ${p50(theirs).toFixed(
        1,
      )} ms; git CLI p95 ${gitP95.toFixed(1)} ms`,
    );
    console.log(
      `change-bench preview_p95_ms=${Math.round(
        previewP95,
      )} commit_p95_ms=${Math.round(oursP95)} vs_git=${(
        oursP95 / gitP95
      ).toFixed(2)}`,
    );
    console.log(
      `targets: preview p95 ≤ 150 ms (${
        previewP95 <= 150 ? 'met' : 'OVER TARGET'
      }), vs_git ≤ 1.5 (${oursP95 / gitP95 <= 1.5 ? 'met' : 'OVER TARGET'})`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
