import { Text } from '@backstage/ui';
import type { LiveState } from './useLiveFlows';

/** What the live stream is doing: flows received, sampling, end or error. */
export const LiveStatus = (props: { state: LiveState }) => {
  const { flows, sampling, ended, error } = props.state;
  let text = `Live: ${flows.length} new flows`;
  if (sampling)
    text += ` · sampled: the relay sent ${sampling.received} flows in ${
      sampling.windowMs / 1000
    } s, ${sampling.sent} shown (limit ${sampling.limitPerSecond}/s)`;
  if (ended) text += ` · stopped: ${ended.message}`;
  if (error) text += ` · stopped: ${error.message}`;
  return (
    <Text variant="body-small" role="status" data-testid="flows-live-status">
      {text}
    </Text>
  );
};
