/**
 * The worker side of {@link renderFleet}: gets the catalog once (workerData),
 * then renders one task per message until told to stop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AddonCatalog } from '../catalog/types';
import { runFleetTask } from './task';
import type { FromWorker, ToWorker } from './types';

/** Marks a worker started by renderFleet (see `renderFleet.ts`). */
export const FLEET_WORKER = 'cilium-gitops fleet worker';

export interface FleetWorkerData {
  [FLEET_WORKER]: true;
  catalog: AddonCatalog;
  keepFiles: boolean;
}

export function isFleetWorker(data: unknown): data is FleetWorkerData {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as Record<string, unknown>)[FLEET_WORKER] === true
  );
}

export function runFleetWorker() {
  const port = parentPort;
  if (!port || !isFleetWorker(workerData)) return;
  const { catalog, keepFiles } = workerData;
  port.on('message', async (message: ToWorker) => {
    if ('stop' in message) {
      port.close();
      return;
    }
    const result = await runFleetTask(message.index, message.task, catalog, {
      keepFiles,
    });
    port.postMessage({ result } satisfies FromWorker);
  });
}
