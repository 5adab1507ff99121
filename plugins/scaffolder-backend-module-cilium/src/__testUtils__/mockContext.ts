import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';

type Options = Parameters<typeof createMockActionContext>[0] & {
  isDryRun?: boolean;
};

/**
 * `createMockActionContext` plus what its 0.3.x version drops: `isDryRun`,
 * and a logger whose calls can be asserted (`ctx.logger.info`).
 */
export function mockContext(options: Options) {
  const { isDryRun, ...rest } = options;
  const logger = mockServices.logger.mock();
  const ctx = createMockActionContext({ logger, ...rest });
  return Object.assign(ctx, { isDryRun: isDryRun ?? false, logger }) as any;
}

/** Every message the action logged at info level. */
export function loggedInfo(ctx: { logger: { info: jest.Mock } }): string[] {
  return ctx.logger.info.mock.calls.map(c => String(c[0]));
}
