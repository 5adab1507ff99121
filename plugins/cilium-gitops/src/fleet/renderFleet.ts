/**
 * Fleet render: many cluster specs, one catalog, rendered on worker threads
 * (a chart bump in addons/ means re-rendering every cluster
 * repository). Each worker gets the catalog once and takes one task at a
 * time; results are delivered in input order whatever the scheduling, and a
 * bad spec fails alone (named by file and field) without stopping the others.
 *
 * The worker entry is this very module (`__filename`): from the TypeScript
 * sources under tsx (the CLI) the worker inherits tsx's loader, or gets
 * `--import tsx` when the parent runs without it (e.g. under Jest); from
 * built JS (one bundled file) the bundle starts itself as the worker.
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, workerData } from 'node:worker_threads';
import type { AddonCatalog } from '../catalog/types';
import type { ClusterSpec } from '../spec/types';
import { sourceOf } from './task';
import type {
  FleetInput,
  FleetResult,
  FleetTask,
  FromWorker,
  ToWorker,
} from './types';
import {
  FLEET_WORKER,
  type FleetWorkerData,
  isFleetWorker,
  runFleetWorker,
} from './worker';

if (!isMainThread && isFleetWorker(workerData)) runFleetWorker();

export interface FleetOptions {
  /** Worker threads; default `os.availableParallelism()`, never more than tasks. */
  concurrency?: number;
  /**
   * Called once per input, in input order (it may return a promise; the next
   * call waits for it). With it, the returned results leave out `files`, so a
   * caller that streams does not hold every rendered repository.
   */
  onRendered?: (result: FleetResult) => void | Promise<void>;
}

export interface FleetSummary {
  /** One result per input, in input order. */
  results: FleetResult[];
  /** Worker threads used. */
  concurrency: number;
}

/** A ClusterSpec has `apiVersion`; a task has `file` or `spec` and no `apiVersion`. */
function toTask(input: FleetInput): FleetTask {
  if (typeof input === 'string') return { file: input };
  if ('apiVersion' in input) return { spec: input as ClusterSpec };
  return input;
}

/** Node options a worker needs to load this module. */
export function fleetWorkerExecArgv(
  entry = __filename,
  parent = process.execArgv,
): string[] | undefined {
  if (!/\.[cm]?tsx?$/.test(entry)) return undefined; // built JS: inherit
  // tsx's CLI passes its loader by path; `--import tsx`, `-r ts-node/register`.
  if (parent.some(arg => /(^|[\\/])(tsx|ts-node)([\\/]|$)/.test(arg)))
    return undefined;
  return [...parent, '--import', pathToFileURL(require.resolve('tsx')).href];
}

/**
 * Renders every input with `concurrency` workers. Resolves with one result
 * per input (failures included, never thrown); rejects only when
 * `onRendered` throws (remaining work is stopped).
 */
export async function renderFleet(
  inputs: FleetInput[],
  catalog: AddonCatalog,
  options: FleetOptions = {},
): Promise<FleetSummary> {
  const tasks = inputs.map(toTask);
  const concurrency = Math.max(
    1,
    Math.min(options.concurrency ?? availableParallelism(), tasks.length),
  );
  const results: FleetResult[] = new Array(tasks.length);
  if (tasks.length === 0) return { results, concurrency: 0 };

  const data: FleetWorkerData = {
    [FLEET_WORKER]: true,
    catalog,
    keepFiles: true,
  };
  const execArgv = fleetWorkerExecArgv();
  const workers = new Set<Worker>();

  return new Promise<FleetSummary>((resolve, reject) => {
    let next = 0; // next task to hand out
    let delivered = 0; // results passed to onRendered, in order
    let failed = false;
    let delivering: Promise<void> = Promise.resolve();
    const received = new Map<number, FleetResult>();
    // Backpressure: at most this many tasks handed out but not yet delivered
    // (a slow onRendered or one slow cluster must not buffer the whole fleet).
    const ahead = concurrency * 4;
    const waiting: Array<() => void> = [];

    const finish = (error?: unknown) => {
      if (failed) return;
      if (error !== undefined) failed = true;
      for (const worker of workers) void worker.terminate();
      workers.clear();
      if (error !== undefined) reject(error);
      else resolve({ results, concurrency });
    };

    const deliver = () => {
      delivering = delivering.then(async () => {
        while (!failed && received.has(delivered)) {
          const result = received.get(delivered)!;
          received.delete(delivered);
          if (options.onRendered) {
            await options.onRendered(result);
            const { files: _files, ...rest } = result as FleetResult & {
              files?: unknown;
            };
            results[delivered] = rest as FleetResult;
          } else {
            results[delivered] = result;
          }
          delivered++;
          while (waiting.length && next - delivered < ahead) waiting.shift()!();
        }
        if (!failed && delivered === tasks.length) finish();
      });
      delivering.catch(finish);
    };

    const accept = (result: FleetResult) => {
      received.set(result.index, result);
      deliver();
    };

    const start = () => {
      const worker = new Worker(__filename, { workerData: data, execArgv });
      workers.add(worker);
      let current: number | undefined;
      const dispatch = () => {
        if (failed || !workers.has(worker)) return;
        if (next < tasks.length && next - delivered >= ahead) {
          current = undefined;
          waiting.push(dispatch);
          return;
        }
        if (next >= tasks.length) {
          current = undefined;
          workers.delete(worker);
          worker.postMessage({ stop: true } satisfies ToWorker);
          return;
        }
        current = next++;
        worker.postMessage({
          index: current,
          task: tasks[current],
        } satisfies ToWorker);
      };
      worker.on('message', ({ result }: FromWorker) => {
        accept(result);
        dispatch();
      });
      // A crashed worker fails only the task it was running; a new one takes over.
      const crashed = (reason: string) => {
        if (!workers.delete(worker) || failed) return;
        if (current !== undefined) {
          const source = sourceOf(tasks[current]);
          accept({
            index: current,
            source,
            ok: false,
            message: `${source}: render worker failed: ${reason}`,
          });
          current = undefined;
        }
        if (next < tasks.length) start();
      };
      worker.on('error', (error: Error) => crashed(error.message));
      worker.on('exit', code => crashed(`exited with code ${code}`));
      dispatch();
    };

    for (let i = 0; i < concurrency; i++) start();
  });
}
