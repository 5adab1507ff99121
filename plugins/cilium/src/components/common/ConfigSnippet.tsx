import { Box } from '@backstage/ui';

/** A read-only block of YAML the user can copy into their config. */
export const ConfigSnippet = (props: { code: string; label: string }) => (
  <Box mt="2">
    <pre
      aria-label={props.label}
      data-testid="cilium-config-snippet"
      style={{
        margin: 0,
        padding: 'var(--bui-space-3)',
        background: 'var(--bui-bg-neutral-2)',
        borderRadius: 'var(--bui-radius-2)',
        fontFamily: 'var(--bui-font-monospace)',
        fontSize: 'var(--bui-font-size-2)',
        overflowX: 'auto',
      }}
    >
      <code>{props.code}</code>
    </pre>
  </Box>
);
