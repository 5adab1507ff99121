import type { FlowRecord, ReplayResult } from '@internal/plugin-cilium-common';
import type { PolicyModel } from '../model/types';
import type { ProposedPolicies } from './manifest';

/**
 * Replays `flows` against current + proposed policies with default-deny in
 * force for the proposal's namespace.
 */
export function replay(
  _model: PolicyModel,
  _proposed: ProposedPolicies,
  _flows: FlowRecord[],
  _keptEdgeIds: string[],
): ReplayResult {
  throw new Error('replay: not implemented yet');
}
