/** All cross-field rules, run on a spec that passed the schema. */
import type { CiliumVersionPins, ClusterSpec, SpecIssue } from '../types';
import { clusterMeshAddressIssues } from './clusterMesh';
import { duplicateSplitIssues } from '../traffic';
import { dependencyIssues } from './dependencies';
import { ciliumPinIssues, hostIssues, meshIssues } from './names';
import {
  cidrOverlapIssues,
  externalAddressIssues,
  routerIssues,
  routingModeIssues,
  uniqueNameIssues,
} from './network';

export function semanticIssues(
  spec: ClusterSpec,
  pins: CiliumVersionPins | undefined,
): SpecIssue[] {
  return [
    ...ciliumPinIssues(spec, pins),
    ...cidrOverlapIssues(spec),
    ...externalAddressIssues(spec),
    ...uniqueNameIssues(spec),
    ...routingModeIssues(spec),
    ...routerIssues(spec),
    ...hostIssues(spec),
    ...dependencyIssues(spec),
    ...meshIssues(spec),
    ...clusterMeshAddressIssues(spec),
    ...duplicateSplitIssues(spec.spec.traffic?.splits ?? []),
  ];
}
