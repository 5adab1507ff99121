import type { FlowRecord } from '@internal/plugin-cilium-common';
import type { FlowVerdict, PolicyModel } from '../model/types';

export interface EvaluateOptions {
  /** Evaluate as if this namespace had default-deny in these directions. */
  forceDefaultDeny?: { namespace: string; ingress: boolean; egress: boolean };
}

/** Ingress (at the destination) and egress (at the source) verdicts of one flow. */
export function evaluateFlow(
  _model: PolicyModel,
  _flow: FlowRecord,
  _options: EvaluateOptions = {},
): FlowVerdict {
  throw new Error('evaluateFlow: not implemented yet');
}
