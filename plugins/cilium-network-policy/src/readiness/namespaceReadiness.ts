import type {
  FlowRecord,
  PolicyReadinessResponse,
} from '@internal/plugin-cilium-common';
import type { PolicyModel } from '../model/types';

export interface ReadinessOptions {
  /** Window the flows cover, stated in the response. */
  windowSeconds: number;
  cluster?: string;
  /** Defaults to the current time. */
  now?: Date;
}

/**
 * Readiness of one namespace: endpoints the current policies select, and
 * the observed flows a namespace default-deny would newly drop, as edges.
 * `proposal` and `errors` are left for the caller (errors: []).
 */
export function namespaceReadiness(
  _model: PolicyModel,
  _flows: FlowRecord[],
  _namespace: string,
  _options: ReadinessOptions,
): PolicyReadinessResponse {
  throw new Error('namespaceReadiness: not implemented yet');
}
