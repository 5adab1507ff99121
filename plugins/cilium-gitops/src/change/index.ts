export * from './types';
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
