import request from 'supertest';

/** The events of a scaffolder task, as `/v2/tasks/:id/events` answers them. */
export type TaskEvents = {
  type: string;
  body: { message: string; output?: any };
}[];

/** Polls fn until it returns a value other than undefined. */
export async function waitFor<T>(
  fn: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 250));
  }
}

/**
 * Runs a template for real through the scaffolder API and waits until the
 * task completes or fails; answers its status and events.
 */
export async function runTask(
  server: Parameters<typeof request>[0],
  templateRef: string,
  values: object,
): Promise<{ status: string; events: TaskEvents }> {
  const created = await request(server)
    .post('/api/scaffolder/v2/tasks')
    .send({ templateRef, values });
  if (created.status !== 201) {
    throw new Error(
      `creating the task answered ${created.status}: ${JSON.stringify(
        created.body,
      )}`,
    );
  }
  const task = await waitFor(async () => {
    const res = await request(server).get(
      `/api/scaffolder/v2/tasks/${created.body.id}`,
    );
    return ['completed', 'failed'].includes(res.body.status)
      ? res.body
      : undefined;
  }, 'the task');
  const events = (
    await request(server).get(
      `/api/scaffolder/v2/tasks/${created.body.id}/events`,
    )
  ).body as TaskEvents;
  return { status: task.status as string, events };
}

/** runTask, failing with the task's log unless it completed. */
export async function runTaskToCompletion(
  server: Parameters<typeof request>[0],
  templateRef: string,
  values: object,
): Promise<TaskEvents> {
  const { status, events } = await runTask(server, templateRef, values);
  if (status !== 'completed') {
    throw new Error(
      `task ${status}:\n${events.map(e => e.body.message).join('\n')}`,
    );
  }
  return events;
}
