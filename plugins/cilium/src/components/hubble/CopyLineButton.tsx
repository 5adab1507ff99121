import { useEffect, useState } from 'react';
import { Button } from '@backstage/ui';
import { copyText } from './copyText';

const LABELS = {
  idle: 'Copy',
  copied: 'Copied',
  failed: 'Copy failed',
} as const;

/** Copies a flow's `hubble observe` line to the clipboard. */
export const CopyLineButton = (props: { line: string; label: string }) => {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return undefined;
    const t = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(t);
  }, [state]);
  const copy = async () => {
    try {
      await copyText(props.line);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span title={props.line}>
      <Button
        size="small"
        variant="tertiary"
        aria-label={props.label}
        data-testid="copy-flow-line"
        data-line={props.line}
        onPress={copy}
      >
        {LABELS[state]}
      </Button>
    </span>
  );
};
