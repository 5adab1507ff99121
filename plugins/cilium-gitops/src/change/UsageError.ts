/** A mistake in the command line: printed with the usage text, exit 2. */
export class UsageError extends Error {}
