/** Exit codes and the usage error shared by the CLI's commands. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

export { UsageError } from '../change/UsageError';
