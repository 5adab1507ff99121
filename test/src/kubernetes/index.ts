export { startKubernetesTestServer } from './server';
export type {
  Fault,
  KubernetesTestServer,
  KubernetesTestServerOptions,
} from './server';
export { ObjectStore } from './store';
export type { KubeObject, ObjectMeta, ResourceType } from './types';
export { RESOURCE_TYPES } from './types';
export { demoClusterObjects } from './fixtures/demoClusters';
export { tenantJobsPolicies } from './fixtures/tenantJobsPolicies';
export type { DemoClusterName } from './fixtures/demoClusters';
export { generateClusterObjects } from './fixtures/generate';
export type { GeneratedClusterSize } from './fixtures/generate';
export * as kubeFixtures from './fixtures/builders';
export { startDemoEnvironment } from './demoEnvironment';
export type { DemoEnvironment } from './demoEnvironment';
