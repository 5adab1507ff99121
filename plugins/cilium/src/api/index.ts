export { ciliumApiRef } from './CiliumApi';
export type { CiliumApi, GetFlowsOptions, GetItemsOptions } from './CiliumApi';
export { CiliumClient } from './CiliumClient';
