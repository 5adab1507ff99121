export { startPrometheusTestServer } from './server';
export type {
  PrometheusTestServer,
  PrometheusTestServerOptions,
} from './server';
export { demoPrometheusRules } from './fixtures/demoMetrics';
export type * from './types';
