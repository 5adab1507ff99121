/** Inputs and results of a fleet render (many cluster specs, one catalog). */
import type { RenderedFile } from '../render/types';
import type { ClusterSpec, SpecIssue } from '../spec/types';

/**
 * One cluster of a fleet: a spec file (read and validated by the worker) or an
 * already validated spec, and optionally the folder to write its repository
 * into (atomically, with `writeRenderedRepo`). Without `outDir` the rendered
 * files come back in the result.
 */
export type FleetTask =
  | { file: string; spec?: undefined; outDir?: string }
  | { spec: ClusterSpec; file?: undefined; outDir?: string };

/** What {@link renderFleet} accepts per cluster: a spec file path, a validated spec, or a task. */
export type FleetInput = string | ClusterSpec | FleetTask;

interface FleetResultBase {
  /** Position in the input list; results are delivered in this order. */
  index: number;
  /** The spec file, or `spec <metadata.name>` for a spec given as an object. */
  source: string;
}

export interface FleetSuccess extends FleetResultBase {
  ok: true;
  /** `metadata.name` of the cluster. */
  name: string;
  rootApplicationPath: string;
  /** Paths of the rendered files, sorted. */
  paths: string[];
  /** The rendered files, when the task had no `outDir` (and results keep them). */
  files?: RenderedFile[];
  /** With `outDir`: where it was written and the generated files removed there. */
  outDir?: string;
  removed?: string[];
}

export interface FleetFailure extends FleetResultBase {
  ok: false;
  /** Spec problems (`<field path>: <rule>`), when the spec was invalid. */
  issues?: SpecIssue[];
  /** One message for the user, naming the source and every problem. */
  message: string;
}

export type FleetResult = FleetSuccess | FleetFailure;

/** Messages between {@link renderFleet} and its workers. */
export type ToWorker = { index: number; task: FleetTask } | { stop: true };
export type FromWorker = { result: FleetResult };
