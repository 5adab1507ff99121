export * from './types';
export { ClusterSpecError, formatIssues } from './errors';
export {
  parseClusterSpec,
  parseClusterSpecYaml,
  validateClusterSpec,
  validateClusterSpecYaml,
} from './parse';
export { defaultCiliumVersion } from './version';
export { clusterSpecSchema } from './schema';
export { meshSetIssues, type MeshIssue, type NamedSpec } from './rules/meshSet';
export { exampleClusterSpecDocument } from './example';
export { MAX_BACKEND_WEIGHT } from './traffic';
export { SPEC_LIMITS, MAX_STRING, STRING_LIMITS } from './limits';
export { FORM_FIELDS, formFieldSchema, mergeFormSchema } from './formSchema';
