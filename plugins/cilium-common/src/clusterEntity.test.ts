import {
  CLUSTER_ENTITY_FILTER,
  clusterEntityFilters,
  clusterNameOf,
  isClusterEntity,
  pickClusterEntity,
} from './clusterEntity';

const entity = (
  name: string,
  annotations?: Record<string, string>,
  kind = 'Resource',
  type = 'kubernetes-cluster',
) => ({ kind, metadata: { name, annotations }, spec: { type } });

describe('cluster entities', () => {
  it('is a Resource of spec.type kubernetes-cluster, kind in any case', () => {
    expect(isClusterEntity(entity('c1'))).toBe(true);
    expect(isClusterEntity(entity('c1', undefined, 'resource'))).toBe(true);
    expect(isClusterEntity(entity('c1', undefined, 'Component'))).toBe(false);
    expect(
      isClusterEntity(entity('c1', undefined, 'Resource', 'database')),
    ).toBe(false);
  });

  it('is named by the cluster-name annotation, else metadata.name', () => {
    expect(clusterNameOf(entity('c1'))).toBe('c1');
    expect(
      clusterNameOf(entity('c1', { 'cilium-gitops/cluster-name': 'prod-eu' })),
    ).toBe('prod-eu');
  });

  it('is found by annotation first, then by a name no annotation overrides', () => {
    const byName = entity('prod-eu');
    const renamed = entity('prod-eu', {
      'cilium-gitops/cluster-name': 'other',
    });
    const annotated = entity('eu', { 'cilium-gitops/cluster-name': 'prod-eu' });
    expect(pickClusterEntity([byName, annotated], 'prod-eu')).toBe(annotated);
    expect(pickClusterEntity([byName], 'prod-eu')).toBe(byName);
    expect(pickClusterEntity([renamed], 'prod-eu')).toBeUndefined();
    expect(
      pickClusterEntity([entity('prod-eu', undefined, 'Component')], 'prod-eu'),
    ).toBeUndefined();
  });

  it('gives catalog filters for both ways of naming', () => {
    expect(clusterEntityFilters('c1')).toEqual([
      {
        ...CLUSTER_ENTITY_FILTER,
        'metadata.annotations.cilium-gitops/cluster-name': 'c1',
      },
      { ...CLUSTER_ENTITY_FILTER, 'metadata.name': 'c1' },
    ]);
  });
});
