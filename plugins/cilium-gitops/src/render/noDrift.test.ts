/**
 * Issue 9 item 4: nothing the API server defaults is left out of Git, so
 * Argo CD never reports a permanent OutOfSync. Checked on the two example
 * clusters and a third, different cluster.
 */
import { applyCrdDefaults, hasCrdDefaults } from '../schemas';
import { threeClusters } from './__fixtures__/threeClusters';
import { invalidObjects } from './components/testValidate';

const clusters = threeClusters();

describe.each(clusters.map(c => [c.name, c] as const))('%s', (_name, c) => {
  const objects = c.objects();

  it('still validates every manifest against its upstream schema', () => {
    const manifests = objects.filter(
      o => o.kind !== 'Application' && o.kind !== 'AppProject',
    );
    expect(manifests.length).toBeGreaterThan(20);
    expect(invalidObjects(manifests)).toEqual([]);
  });

  it('writes every CRD default itself (defaulting changes nothing)', () => {
    const crs = objects.filter(hasCrdDefaults);
    const kinds = new Set(crs.map(o => o.kind));
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining([
        'CiliumBGPPeerConfig',
        'CiliumLoadBalancerIPPool',
        'ClusterIssuer',
        'Gateway',
        'HTTPRoute',
        'OpenTelemetryCollector',
      ]),
    );
    for (const obj of crs) {
      expect({
        [`${obj.kind}/${obj.metadata.name}`]: applyCrdDefaults(obj),
      }).toEqual({ [`${obj.kind}/${obj.metadata.name}`]: obj });
    }
  });

  it('spells out HTTPRoute parentRefs and backendRefs as the Gateway API CRD defaults them', () => {
    const routes = objects.filter(o => o.kind === 'HTTPRoute') as any[];
    expect(routes.length).toBeGreaterThanOrEqual(3);
    for (const route of routes) {
      for (const parent of route.spec.parentRefs) {
        expect(parent).toMatchObject({
          group: 'gateway.networking.k8s.io',
          kind: 'Gateway',
        });
      }
      for (const rule of route.spec.rules) {
        for (const backend of rule.backendRefs) {
          expect(backend).toMatchObject({ group: '', kind: 'Service' });
          expect(Number.isInteger(backend.weight)).toBe(true);
        }
      }
    }
  });

  it('writes the list-item defaults of Services and containers (protocol, targetPort, fieldRef apiVersion)', () => {
    for (const svc of objects.filter(o => o.kind === 'Service') as any[]) {
      for (const port of svc.spec.ports) {
        expect(port.protocol).toBe('TCP');
        expect(port.targetPort).toBeDefined();
      }
    }
    const deployments = objects.filter(o => o.kind === 'Deployment') as any[];
    expect(deployments.length).toBeGreaterThan(0);
    for (const d of deployments) {
      for (const container of d.spec.template.spec.containers) {
        expect(container.imagePullPolicy).toBe('IfNotPresent');
        for (const port of container.ports ?? [])
          expect(port.protocol).toBe('TCP');
        const fieldRefs = (container.env ?? [])
          .map((env: any) => env.valueFrom?.fieldRef)
          .filter(Boolean);
        for (const ref of fieldRefs) expect(ref.apiVersion).toBe('v1');
      }
    }
  });
});

describe('applyCrdDefaults', () => {
  it('fills what the API server would, so a missing default is caught', () => {
    const route = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'r' },
      spec: {
        parentRefs: [{ name: 'gw' }],
        rules: [{ backendRefs: [{ name: 'svc', port: 80 }] }],
      },
    };
    expect(applyCrdDefaults(route).spec).toEqual({
      parentRefs: [
        { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw' },
      ],
      rules: [
        {
          backendRefs: [
            { group: '', kind: 'Service', name: 'svc', port: 80, weight: 1 },
          ],
          matches: [{ path: { type: 'PathPrefix', value: '/' } }],
        },
      ],
    });
    const peer = {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumBGPPeerConfig',
      metadata: { name: 'p' },
      spec: { timers: { holdTimeSeconds: 9 } },
    };
    expect(applyCrdDefaults(peer).spec).toEqual({
      ebgpMultihop: 1,
      timers: {
        connectRetryTimeSeconds: 120,
        holdTimeSeconds: 9,
        keepAliveTimeSeconds: 30,
      },
    });
  });
});
