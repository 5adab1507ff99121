/** Protocol-true test servers for the Cilium plugins' tests and benchmarks. */
export * from './kubernetes';
export * from './hubble';
export * from './prometheus';
export * from './git';
export * from './github';
export { clientCertificate, type ClientCertificate } from './tls';
