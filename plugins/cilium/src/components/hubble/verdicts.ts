import { FlowRecord, Verdict, VERDICTS } from '@internal/plugin-cilium-common';

/** How `hubble observe` names a verdict: policy verdicts read ALLOWED/DENIED/AUDITED. */
export function displayVerdict(
  flow: Pick<FlowRecord, 'verdict' | 'isPolicyVerdict'>,
): string {
  if (!flow.isPolicyVerdict) return flow.verdict;
  switch (flow.verdict) {
    case 'FORWARDED':
    case 'REDIRECTED':
      return 'ALLOWED';
    case 'DROPPED':
    case 'ERROR':
      return 'DENIED';
    case 'AUDIT':
      return 'AUDITED';
    default:
      return flow.verdict;
  }
}

/** Verdicts offered by the filter (the ones a relay reports for flows). */
export const FILTER_VERDICTS: Verdict[] = VERDICTS.filter(
  v => v !== 'VERDICT_UNKNOWN',
);
