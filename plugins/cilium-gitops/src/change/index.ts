export * from './types';
export { ChangeError } from './ChangeError';
export { applyChange } from './apply';
export {
  planChange,
  specAtHead,
  type ChangePlan,
  type PlanOptions,
} from './plan';
export { changeFromFlags, parseSplit, type ChangeFlags } from './parseFlags';
export { diffSummary, filePatch } from './patch';
export { readRepoDir } from './repoDir';
export {
  parsePolicyChange,
  policyChangeSchema,
  ciliumNetworkPolicySchema,
  MAX_POLICIES,
  MAX_POLICY_BYTES,
  MAX_POLICIES_BYTES,
  MAX_SECTIONS,
  MAX_SECTIONS_CHARS,
  type CiliumNetworkPolicy,
  type DescriptionSection,
  type PolicyChange,
} from './policies';
export {
  POLICIES_DIR,
  policyDir,
  policyApplicationName,
  policyApplicationPath,
} from './planPolicies';
export { readPolicyFile } from './policyFile';
