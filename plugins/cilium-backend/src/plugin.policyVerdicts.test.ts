import {
  demoRelayFixtures,
  FlowFixture,
  KubeObject,
} from '@internal/cilium-test-servers';
import {
  PolicyReadinessResponse,
  PolicyRef,
} from '@internal/plugin-cilium-common';
import {
  AUTH,
  demoCluster,
  startPlugin,
  TestCluster,
} from './__testUtils__/testEnvironment';

const key = (r: { kind?: string; namespace?: string; name: string }) =>
  `${r.kind}/${r.namespace ?? ''}/${r.name}`;

/** Verdict counts per policy as the Relay fixture flows of a namespace name them. */
function fixtureCounts(flows: FlowFixture[], namespace: string) {
  const counts = new Map<string, { allowed: number; denied: number }>();
  const bump = (refs: PolicyRef[] | undefined, field: 'allowed' | 'denied') =>
    (refs ?? []).forEach(r => {
      const c = counts.get(key(r)) ?? { allowed: 0, denied: 0 };
      c[field] += 1;
      counts.set(key(r), c);
    });
  for (const f of flows) {
    if (f.event_type.type !== 5) continue;
    if (
      f.source.namespace !== namespace &&
      f.destination.namespace !== namespace
    )
      continue;
    bump(f.ingress_allowed_by, 'allowed');
    bump(f.egress_allowed_by, 'allowed');
    bump(f.ingress_denied_by, 'denied');
    bump(f.egress_denied_by, 'denied');
  }
  return counts;
}

describe('policy verdicts in the readiness', () => {
  let cluster: TestCluster;
  let started: Awaited<ReturnType<typeof startPlugin>>;

  beforeAll(async () => {
    cluster = await demoCluster('democluster1', {}, { hubble: true });
    started = await startPlugin({
      clusters: [cluster],
      cilium: { timeoutMs: 5_000 },
    });
  });
  afterAll(async () => {
    await started.backend.stop();
    await cluster.close();
  }, 30_000);

  const readiness = async (query: string) => {
    const res = await started.http
      .get(`/api/cilium/clusters/democluster1/policy-readiness${query}`)
      .set(AUTH);
    expect(res.status).toBe(200);
    return res.body as PolicyReadinessResponse;
  };

  it('counts, per live policy of tenant-jobs, the verdicts the Relay fixture flows name it in', async () => {
    const doc = await readiness('?namespace=tenant-jobs');
    const expected = fixtureCounts(
      demoRelayFixtures('democluster1').flows,
      'tenant-jobs',
    );
    const rows = doc.policyVerdicts!;
    expect(rows.map(r => [key(r.policy), r.allowed, r.denied])).toEqual(
      rows.map(r => {
        const c = expected.get(key(r.policy)) ?? { allowed: 0, denied: 0 };
        return [key(r.policy), c.allowed, c.denied];
      }),
    );
    // Every policy the fixture flows of the namespace name is listed, the
    // clusterwide deny included; the one no flow names shows 0.
    expect(rows.map(r => key(r.policy))).toEqual(
      expect.arrayContaining([...expected.keys()]),
    );
    expect(rows.map(r => key(r.policy))).toEqual([
      'CiliumClusterwideNetworkPolicy//deny-cross-tenant',
      'CiliumNetworkPolicy/tenant-jobs/allow-jobs-to-reporting',
      'CiliumNetworkPolicy/tenant-jobs/allow-kube-dns',
      'CiliumNetworkPolicy/tenant-jobs/allow-scheduler-to-worker',
      'CiliumNetworkPolicy/tenant-jobs/allow-worker-in-cluster',
    ]);
    const inCluster = rows.find(
      r => r.policy.name === 'allow-worker-in-cluster',
    );
    expect(inCluster).toEqual({
      policy: {
        name: 'allow-worker-in-cluster',
        namespace: 'tenant-jobs',
        kind: 'CiliumNetworkPolicy',
      },
      allowed: 0,
      denied: 0,
    });
    const deny = rows.find(r => r.policy.name === 'deny-cross-tenant')!;
    expect(deny.denied).toBeGreaterThan(0);
    expect(Date.parse(deny.lastSeen!)).not.toBeNaN();
  });

  it('once Argo CD syncs the proposal for the kept edges, only the unticked edge is dropped', async () => {
    const before = await readiness('?namespace=tenant-jobs');
    expect(before.wouldDrop.egress).toHaveLength(2);
    expect(before.droppedNow).toEqual([]);
    const [untick, keep] = before.wouldDrop.egress;
    const chosen = await readiness(
      `?namespace=tenant-jobs&keep=${encodeURIComponent(keep.id)}`,
    );
    const proposed = chosen.proposal!.policies as KubeObject[];
    expect(proposed.length).toBeGreaterThan(0);

    // Argo CD applies the proposed manifests: the API server now serves them.
    for (const p of proposed) cluster.server.store.put(structuredClone(p));

    const after = await readiness('?namespace=tenant-jobs');
    expect(after.errors).toEqual([]);
    // The kept edge is allowed by the synced policy; the unticked one is
    // dropped by it already: no longer "would drop", but dropped now.
    expect(after.wouldDrop.egress).toEqual([]);
    expect(after.droppedNow!.map(e => e.id)).toEqual([untick.id]);
    expect(
      after.selectedEndpoints.find(e => e.workload === 'scheduler'),
    ).toMatchObject({ egress: true });
    expect(after.wouldDrop.ingress).toEqual([]);
    // The synced policies are listed, with 0 until a flow names them.
    for (const p of proposed) {
      expect(after.policyVerdicts).toContainEqual({
        policy: {
          name: p.metadata.name,
          namespace: p.metadata.namespace,
          kind: 'CiliumNetworkPolicy',
        },
        allowed: 0,
        denied: 0,
      });
    }
  });
});
