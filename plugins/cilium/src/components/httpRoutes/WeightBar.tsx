import { Flex, Text } from '@backstage/ui';
import { HttpBackendRefInfo } from '@internal/plugin-cilium-common';
import { barTrack, categorical } from '../../theme/colors';

export interface WeightShare {
  backend: HttpBackendRefInfo;
  label: string;
  /** 0..100, rounded to one decimal. */
  percent: number;
}

/** Share of traffic per backend: weight / sum of weights (Gateway API semantics). */
export function weightShares(backends: HttpBackendRefInfo[]): WeightShare[] {
  const total = backends.reduce((sum, b) => sum + Math.max(0, b.weight), 0);
  return backends.map(b => ({
    backend: b,
    label: `${b.namespace ? `${b.namespace}/` : ''}${b.name}${
      b.port ? `:${b.port}` : ''
    }`,
    percent:
      total > 0 ? Math.round((Math.max(0, b.weight) / total) * 1000) / 10 : 0,
  }));
}

/** Backends of one rule as a stacked bar whose segments are their traffic shares. */
export const WeightBar = (props: { backends: HttpBackendRefInfo[] }) => {
  const shares = weightShares(props.backends);
  if (shares.length === 0) {
    return (
      <Text variant="body-small" color="secondary">
        no backends
      </Text>
    );
  }
  const summary = shares.map(s => `${s.label} ${s.percent}%`).join(', ');
  const allZero = shares.every(s => s.percent === 0);
  return (
    <Flex direction="column" gap="1" data-testid="weight-bar">
      <div
        role="img"
        aria-label={`Backend weights: ${summary}`}
        style={{
          display: 'flex',
          height: 10,
          width: '100%',
          maxWidth: 360,
          borderRadius: 'var(--bui-radius-1)',
          overflow: 'hidden',
          background: barTrack,
          gap: 1,
        }}
      >
        {shares.map((s, i) => (
          <div
            key={`${s.label}-${i}`}
            data-testid="weight-segment"
            data-percent={s.percent}
            title={`${s.label}: weight ${s.backend.weight} (${s.percent}%)`}
            style={{
              width: `${s.percent}%`,
              background: categorical(i),
            }}
          />
        ))}
      </div>
      <Flex gap="3" style={{ flexWrap: 'wrap' }}>
        {shares.map((s, i) => (
          <Text
            key={`${s.label}-${i}`}
            variant="body-x-small"
            data-testid="weight-legend"
          >
            <span
              aria-hidden
              style={{
                display: 'inline-block',
                width: 8,
                height: 8,
                marginRight: 4,
                background: categorical(i),
              }}
            />
            {s.label} weight {s.backend.weight} ({s.percent}%)
          </Text>
        ))}
        {allZero && (
          <Text variant="body-x-small" color="warning">
            all weights are 0: no traffic is sent
          </Text>
        )}
      </Flex>
    </Flex>
  );
};
