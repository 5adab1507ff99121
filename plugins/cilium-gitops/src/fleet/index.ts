export {
  fleetWorkerExecArgv,
  renderFleet,
  type FleetOptions,
  type FleetSummary,
} from './renderFleet';
export type {
  FleetFailure,
  FleetInput,
  FleetResult,
  FleetSuccess,
  FleetTask,
} from './types';
