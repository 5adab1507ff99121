/**
 * Permission backend module: the portal's policy, `allow-all` for local
 * development or `production` (see README.md), chosen by
 * `permission.ciliumPolicy`.
 *
 * @packageDocumentation
 */
export { permissionModuleCiliumPolicy as default } from './module';
export { CiliumProductionPolicy } from './CiliumProductionPolicy';
export { readPolicySettings } from './settings';
export type { CiliumPolicySettings, CiliumPolicyMode } from './settings';
