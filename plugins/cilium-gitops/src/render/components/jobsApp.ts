import type { ComponentRenderer } from '../types';

/**
 * Isovalent's jobs-app tenant demo (Helm chart from Git, namespace
 * `tenant-jobs`, which its coreapi hard-codes). Kafka L7 visibility follows
 * the Cilium minor (gone in 1.20); traces go to the node-local collector at
 * `$(HOST_IP):4317` when observability is on.
 */
export const renderJobsApp: ComponentRenderer = ctx => {
  const kafka = ctx.pins.kafkaVisibility === 'true';
  return {
    values: {
      networkPolicy: {
        enableKafkaIngressVisibility: kafka,
        enableKafkaEgressVisibility: kafka,
      },
      tracing: { enabled: ctx.spec.spec.addons.observability },
    },
  };
};
