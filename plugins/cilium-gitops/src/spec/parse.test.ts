import { readFileSync } from 'fs';
import * as path from 'path';
import { BAD_INPUTS } from './__fixtures__/badInputs';
import { PLANTED_SECRETS, validSpecDoc } from './__fixtures__/validSpec';
import { ClusterSpecError } from './errors';
import {
  parseClusterSpec,
  parseClusterSpecYaml,
  validateClusterSpec,
  validateClusterSpecYaml,
} from './parse';

const PINS = {
  '1.18': ['1.18.11'],
  '1.19': ['1.19.8'],
  '1.20': ['1.20.1', '1.20.3'],
};

describe('validateClusterSpec', () => {
  it('accepts the example of the issue and keeps its values', () => {
    const result = validateClusterSpec(validSpecDoc());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.spec.metadata).toEqual({
      name: 'democluster1',
      owner: 'platform-team',
    });
    expect(result.spec.spec.bgp?.router?.workerNodes).toHaveLength(3);
    expect(result.spec.spec.cilium.version).toBe('1.20.3');
  });

  it('accepts both committed example specs', () => {
    for (const name of ['democluster1', 'democluster2']) {
      const file = path.resolve(
        __dirname,
        `../../../../gitops/examples/${name}/cluster.yaml`,
      );
      expect(
        parseClusterSpecYaml(readFileSync(file, 'utf8'), {
          ciliumVersions: PINS,
        }).metadata.name,
      ).toBe(name);
    }
  });

  it('fills defaults: newest pinned patch, tunnel routing, addons on, demos off', () => {
    const doc = validSpecDoc();
    delete doc.spec.cilium;
    delete doc.spec.network.routingMode;
    delete doc.spec.addons;
    delete doc.spec.demoApps;
    delete doc.spec.controlPlane.apiServerPort;
    const spec = parseClusterSpec(doc, { ciliumVersions: PINS });
    expect(spec.spec.cilium.version).toBe('1.20.3');
    expect(spec.spec.network.routingMode).toBe('tunnel');
    expect(spec.spec.addons).toEqual({
      certManager: true,
      externalDNS: true,
      observability: true,
      openebs: true,
    });
    expect(spec.spec.demoApps).toEqual({
      bookinfo: false,
      echo: false,
      jobsApp: false,
    });
    expect(spec.spec.controlPlane.apiServerPort).toBe(6443);
  });

  it('defaults to the newest supported minor when no pins are known', () => {
    const doc = validSpecDoc();
    delete doc.spec.cilium;
    expect(parseClusterSpec(doc).spec.cilium.version).toBe('1.20');
  });

  it('accepts a bare minor and a v prefix', () => {
    const doc = validSpecDoc();
    doc.spec.cilium.version = '1.19';
    expect(
      parseClusterSpec(doc, { ciliumVersions: PINS }).spec.cilium.version,
    ).toBe('1.19');
    doc.spec.cilium.version = 'v1.20.3';
    expect(
      parseClusterSpec(doc, { ciliumVersions: PINS }).spec.cilium.version,
    ).toBe('1.20.3');
  });

  it('rejects a patch the catalog does not pin', () => {
    const doc = validSpecDoc();
    doc.spec.cilium.version = '1.20.9';
    expect(validateClusterSpec(doc, { ciliumVersions: PINS })).toEqual({
      ok: false,
      issues: [
        {
          path: 'spec.cilium.version',
          message:
            '"1.20.9" is not a pinned patch of 1.20 (pinned: 1.20.1, 1.20.3); write "1.20" for the newest',
        },
      ],
    });
  });

  describe.each(BAD_INPUTS.map(b => [b.name, b] as const))(
    'rejects: %s',
    (_name, bad) => {
      it(`names ${bad.path}`, () => {
        const doc = validSpecDoc();
        bad.mutate(doc);
        const result = validateClusterSpec(doc);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.issues).toContainEqual({
          path: bad.path,
          message: bad.message,
        });
        for (const value of Object.values(PLANTED_SECRETS)) {
          expect(JSON.stringify(result.issues)).not.toContain(value);
        }
      });
    },
  );

  it('has at least 30 bad inputs, each with its own field or rule', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(30);
    const keys = BAD_INPUTS.map(b => `${b.path}: ${b.message}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reports every problem at once, not only the first', () => {
    const doc = validSpecDoc();
    doc.spec.clusterId = 0;
    doc.spec.network.podCIDR = '10.0.0.0/33';
    doc.spec.dns.rfc2136.tsigSecret = 'x';
    const result = validateClusterSpec(doc);
    expect(result.ok ? [] : result.issues.map(i => i.path)).toEqual([
      'spec.clusterId',
      'spec.network.podCIDR',
      'spec.dns.rfc2136.tsigSecret',
    ]);
  });

  it('still checks cross-field rules when the only other problems are unknown fields', () => {
    const doc = validSpecDoc();
    doc.spec.dns.rfc2136.tsigSecret = PLANTED_SECRETS.tsig;
    doc.spec.network.serviceCIDR = '10.0.0.0/15';
    const result = validateClusterSpec(doc);
    expect(result.ok ? [] : result.issues.map(i => i.path)).toEqual([
      'spec.dns.rfc2136.tsigSecret',
      'spec.network.serviceCIDR',
    ]);
  });
});

describe('parseClusterSpec', () => {
  it('throws a ClusterSpecError whose message lists every issue', () => {
    const doc = validSpecDoc();
    doc.spec.clusterId = 0;
    doc.spec.network.podCIDR = '10.0.0.0/33';
    expect(() => parseClusterSpec(doc)).toThrow(ClusterSpecError);
    let error: unknown;
    try {
      parseClusterSpec(doc);
    } catch (e) {
      error = e;
    }
    expect((error as ClusterSpecError).issues).toHaveLength(2);
    expect((error as Error).message).toBe(
      [
        'invalid cluster spec (2 problems):',
        '  spec.clusterId: 0 is not a valid Cilium cluster id (an integer 1..255)',
        '  spec.network.podCIDR: 10.0.0.0/33 is not a valid IPv4 CIDR',
      ].join('\n'),
    );
  });
});

describe('validateClusterSpecYaml', () => {
  it('reports YAML syntax errors with line and column', () => {
    const result = validateClusterSpecYaml(
      'apiVersion: cilium-gitops/v1alpha1\nkind: [ClusterSpec\n',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0].path).toMatch(/^line \d+, column \d+$/);
    expect(result.issues[0].message).toMatch(/^invalid YAML: /);
  });

  it('names an empty document', () => {
    expect(validateClusterSpecYaml('# nothing here\n')).toEqual({
      ok: false,
      issues: [
        {
          path: '(document)',
          message:
            'is empty; expected a ClusterSpec (apiVersion cilium-gitops/v1alpha1)',
        },
      ],
    });
  });

  it('rejects duplicate keys', () => {
    const result = validateClusterSpecYaml(
      'kind: ClusterSpec\nkind: ClusterSpec\n',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0].message).toMatch(/^invalid YAML: .*unique/i);
  });

  it('explains an unquoted 1.20 version', () => {
    const text = readFileSync(
      path.resolve(
        __dirname,
        '../../../../gitops/examples/democluster1/cluster.yaml',
      ),
      'utf8',
    ).replace('version: 1.20.3', 'version: 1.20');
    const result = validateClusterSpecYaml(text);
    expect(result.ok ? [] : result.issues).toEqual([
      {
        path: 'spec.cilium.version',
        message:
          '1.2 is a number; quote the version (e.g. "1.20"), YAML reads 1.20 as 1.2',
      },
    ]);
  });
});
