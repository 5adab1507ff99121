import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  loadAddonCatalog,
  parseClusterSpec,
  renderClusterRepo,
} from '@internal/cilium-gitops';
import { commitToBareRepo } from '../local/bareRepo';
import type { LocalPublishConfig } from '../local/localPublishConfig';
import { exampleClusterSpec } from '../actions/exampleSpec';

export const git = (gitdir: string, ...args: string[]) =>
  execFileSync('git', ['--git-dir', gitdir, ...args], {
    encoding: 'utf8',
  }).trim();

export const committer = {
  name: 'Backstage Scaffolder',
  email: 'scaffolder@backstage.local',
};

/**
 * A local publish folder holding `<name>.git`: the example cluster (echo,
 * bookinfo and jobs-app on) rendered and committed to `main` as
 * `cilium:publish:local` does.
 */
export async function publishedClusterRepo(
  root: string,
  edit: (doc: any) => void = () => {},
  name = 'democluster1',
): Promise<{ config: LocalPublishConfig; gitdir: string; head: string }> {
  const doc: any = structuredClone(exampleClusterSpec);
  doc.spec.demoApps = { bookinfo: true, echo: true, jobsApp: true };
  edit(doc);
  const catalog = loadAddonCatalog();
  const spec = parseClusterSpec(doc, {
    ciliumVersions: catalog.ciliumVersions,
  });
  const repo = renderClusterRepo(spec, catalog);
  const src = fs.mkdtempSync(path.join(os.tmpdir(), 'cilium-change-src-'));
  for (const f of repo.files) {
    fs.mkdirSync(path.join(src, path.dirname(f.path)), { recursive: true });
    fs.writeFileSync(path.join(src, f.path), f.content, {
      mode: f.path.endsWith('.sh') ? 0o755 : 0o644,
    });
  }
  const config: LocalPublishConfig = {
    baseDir: path.join(root, 'git-repos'),
    committer,
    serveOverHttp: false,
  };
  const gitdir = path.join(config.baseDir, `${name}.git`);
  const result = await commitToBareRepo({
    sourceDir: src,
    gitdir,
    branch: 'main',
    message: 'Cluster GitOps repository rendered by Backstage',
    author: committer,
    committer,
    force: false,
  });
  fs.rmSync(src, { recursive: true, force: true });
  return { config, gitdir, head: result.commitHash };
}
