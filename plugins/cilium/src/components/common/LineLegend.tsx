import { CSSProperties } from 'react';
import { Flex, Text } from '@backstage/ui';

/** How one kind of line is drawn: colour, width, dash pattern and its name. */
export interface LineLook {
  stroke: string;
  /** Stroke width; `defaultWidth` of the legend when absent. */
  width?: number;
  dash?: string;
  label: string;
}

/**
 * A legend of line styles: a short sample line (aria-hidden) and the label
 * per entry, in the order of `looks`.
 */
export function LineLegend(props: {
  looks: Record<string, LineLook>;
  label: string;
  /** Length of the sample line in px. */
  sampleWidth: number;
  defaultWidth?: number;
  testId?: string;
  style?: CSSProperties;
}) {
  const { looks, sampleWidth } = props;
  return (
    <Flex
      gap="4"
      aria-label={props.label}
      data-testid={props.testId}
      style={props.style}
    >
      {Object.keys(looks).map(s => (
        <Flex key={s} gap="1" align="center">
          <svg width={sampleWidth} height={10} aria-hidden>
            <line
              x1={0}
              y1={5}
              x2={sampleWidth}
              y2={5}
              stroke={looks[s].stroke}
              strokeWidth={looks[s].width ?? props.defaultWidth}
              strokeDasharray={looks[s].dash}
            />
          </svg>
          <Text variant="body-small">{looks[s].label}</Text>
        </Flex>
      ))}
    </Flex>
  );
}
