/**
 * The Cilium status service (interface and service ref) for backend
 * plugins, actions and tests; the implementation is in
 * `@internal/plugin-cilium-backend`.
 *
 * @packageDocumentation
 */
export * from './CiliumStatusService';
export * from './ciliumStatusServiceRef';
