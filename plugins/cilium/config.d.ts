/**
 * The Cilium frontend reads no configuration of its own: clusters, Hubble
 * Relay addresses and Argo CD links are configured for the backend
 * (`plugins/cilium-backend/config.d.ts`).
 */
export interface Config {}
