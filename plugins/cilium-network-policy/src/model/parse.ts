import type { PolicyModel } from './types';

/**
 * Reads CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy and Kubernetes
 * NetworkPolicy objects (as the Kubernetes API returns them) into the model.
 * Objects of other kinds, and rules it does not model, are listed in
 * `notEvaluated` with the policy and the rule.
 */
export function policiesFromObjects(_objects: unknown[]): PolicyModel {
  throw new Error('policiesFromObjects: not implemented yet');
}
