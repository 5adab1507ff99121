export { ciliumApiRef } from './CiliumApi';
export type { CiliumApi, GetFlowsOptions } from './CiliumApi';
export { CiliumClient } from './CiliumClient';
