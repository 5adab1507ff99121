/**
 * Cluster status API of the Cilium plugins (Backstage new backend system).
 *
 * @packageDocumentation
 */
export { ciliumPlugin as default } from './plugin';
