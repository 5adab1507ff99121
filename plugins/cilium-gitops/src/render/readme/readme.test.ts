/**
 * Issue 9 item 7: the generated README takes a person from zero to verified,
 * for the two example clusters and a third, different one.
 */
import { spawnSync } from 'child_process';
import { renderClusterRepo } from '../index';
import {
  THIRD_SPEC_YAML,
  catalog,
  threeClusters,
} from '../__fixtures__/threeClusters';
import { parseClusterSpecYaml } from '../../spec/parse';
import { README_SECTIONS } from './index';

const clusters = threeClusters();

function shellBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^( *)```sh\n([\s\S]*?)^\1```$/gm)].map(m =>
    m[2]
      .split('\n')
      .map(l => l.slice(m[1].length))
      .join('\n'),
  );
}

describe.each(clusters.map(c => [c.name, c] as const))(
  '%s README',
  (name, c) => {
    const readme = c.file('README.md');
    const headings = readme
      .split('\n')
      .filter(l => l.startsWith('## '))
      .map(l => l.slice(3));

    it('walks the reader from prerequisites to Verify, in order', () => {
      expect(headings).toEqual([
        'Layout',
        'Components',
        'Prerequisites',
        'Push this repository',
        'Secrets',
        'BGP nodes',
        'The FRR router',
        ...(c.spec.spec.clusterMesh.peers.length ? ['Cluster Mesh'] : []),
        'Bootstrap',
        'Reach Argo CD',
        'Verify',
        "External workloads (the recipe's VM)",
      ]);
    });

    it('has only shell blocks bash can parse', () => {
      const blocks = shellBlocks(readme);
      expect(blocks.length).toBeGreaterThan(15);
      for (const block of blocks) {
        const result = spawnSync('bash', ['-n'], {
          input: block,
          encoding: 'utf8',
        });
        expect({ block, stderr: result.stderr }).toEqual({ block, stderr: '' });
      }
    });

    it("states the spec's prerequisites: API server, NotReady workers, no kube-proxy, CoreDNS, CIDRs", () => {
      const { controlPlane, network } = c.spec.spec;
      expect(readme).toContain(
        `https://${controlPlane.apiServerHost}:${controlPlane.apiServerPort}`,
      );
      expect(readme).toContain('kubectl get --raw /readyz');
      expect(readme).toContain('NotReady');
      expect(readme).toContain(
        'kubectl -n kube-system get daemonset kube-proxy',
      );
      expect(readme).toContain('kubectl -n kube-system get deployment coredns');
      for (const cidr of [
        network.podCIDR,
        network.serviceCIDR,
        ...network.loadBalancerPools.map(p => p.cidr),
      ])
        expect(readme).toContain(`\`${cidr}\``);
    });

    it('pushes to the spec repository and explains private repository credentials without values', () => {
      const { repoURL, targetRevision } = c.spec.spec.gitops;
      expect(readme).toContain(`git remote add origin ${repoURL}`);
      expect(readme).toContain(`git push -u origin ${targetRevision}`);
      expect(readme).toContain(
        `kubectl -n argocd create secret generic repo-${name}`,
      );
      expect(readme).toContain(
        `kubectl -n argocd label secret repo-${name} argocd.argoproj.io/secret-type=repository`,
      );
      expect(readme).toContain(
        "--from-literal=password='<token with read access>'",
      );
    });

    it('labels the BGP nodes with the selector of the spec and installs the router config', () => {
      const labels = Object.entries(c.spec.spec.bgp!.nodeSelector)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      expect(readme).toContain(`kubectl label node '<node name>' ${labels}`);
      expect(readme).toContain('vtysh --dryrun -f frr.conf');
      expect(readme).toContain('frr-reload.py --reload /etc/frr/frr.conf');
      expect(readme).toContain(`\`${c.spec.spec.bgp!.router!.hostname}\``);
    });

    it('reaches Argo CD', () => {
      expect(readme).toContain(
        'kubectl -n argocd port-forward svc/argocd-server 8080:443',
      );
    });

    it("verifies with the recipe's checks and says what healthy looks like", () => {
      const verify = readme.slice(readme.indexOf('## Verify'));
      const domain = c.spec.spec.dns.domain;
      for (const text of [
        'kubectl get ciliumnodes',
        'kubectl get gateway -A',
        'ACCEPTED',
        'PROGRAMMED',
        'kubectl get certificates -A',
        `curl -i https://bookinfo.${domain}/details`,
        '{"error":"please provide numeric product id"}',
        `curl -s https://hipstershop.${domain}/`,
        'some-header=This is fantastic',
        'for i in $(seq 100)',
        '100 echo-1',
        'hubble observe --type policy-verdict -n tenant-jobs --last 5',
        'policy-verdict:L3-L4 INGRESS ALLOWED',
      ])
        expect(verify).toContain(text);
      expect(verify.includes('cilium clustermesh status')).toBe(
        c.spec.spec.clusterMesh.peers.length > 0,
      );
    });

    it('says plainly that external workloads are gone since Cilium 1.18 and what to do instead', () => {
      expect(readme).toContain('Cilium removed external workloads in 1.18');
      expect(readme).toContain('Service without selector');
    });
  },
);

describe('README follows what was rendered', () => {
  it('counts at the route defaults, and a traffic split leaves the README as it is', () => {
    const spec = parseClusterSpecYaml(THIRD_SPEC_YAML, {
      ciliumVersions: catalog.ciliumVersions,
    });
    const readmeOf = (s: typeof spec) =>
      renderClusterRepo(s, catalog).files.find(f => f.path === 'README.md')!
        .content;
    const readme = readmeOf(spec);
    expect(readme).toContain(
      "at the route's default weights (echo-1 100, echo-2 0) the count is:",
    );
    expect(readme).toContain('100 echo-1\n');
    const shifted = JSON.parse(JSON.stringify(spec));
    shifted.spec.traffic = {
      splits: [{ route: 'echo/echo', backends: { 'echo-1': 30, 'echo-2': 70 } }],
    };
    expect(readmeOf(shifted)).toBe(readme);
  });

  it('asks for an SSH deploy key when the repository is reached over SSH', () => {
    const spec = parseClusterSpecYaml(
      THIRD_SPEC_YAML.replace(
        'https://git.example.org/platform/edge-lab-7.git',
        'git@git.example.org:platform/edge-lab-7.git',
      ),
      { ciliumVersions: catalog.ciliumVersions },
    );
    const readme = renderClusterRepo(spec, catalog).files.find(
      f => f.path === 'README.md',
    )!.content;
    expect(readme).toContain(
      "--from-literal=url=git@git.example.org:platform/edge-lab-7.git \\\n  --from-file=sshPrivateKey='<path to a read-only deploy key>'",
    );
    expect(readme).not.toContain('--from-literal=password=');
  });

  it('has an ordered list of sections where another file can slot one in', () => {
    expect(README_SECTIONS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(README_SECTIONS).size).toBe(README_SECTIONS.length);
  });
});
