import { readFlowsUrlState, writeFlowsUrlState } from './useFlowsUrlState';

describe('flows explorer URL state', () => {
  it('round-trips filters, view and the map selection, keeping other parameters', () => {
    const url = writeFlowsUrlState(new URLSearchParams('tab=cilium'), {
      namespace: 'tenant-jobs',
      verdict: 'DROPPED',
      policyVerdictsOnly: true,
      view: 'raw',
      selection: {
        type: 'edge',
        from: 'tenant-web/frontend',
        to: 'tenant-jobs/worker',
      },
    });
    expect(url.toString()).toBe(
      'tab=cilium&flowsNamespace=tenant-jobs&flowsVerdict=DROPPED&flowsPolicyVerdicts=true&flowsView=raw&flowsFrom=tenant-web%2Ffrontend&flowsTo=tenant-jobs%2Fworker',
    );
    expect(readFlowsUrlState(url)).toEqual({
      namespace: 'tenant-jobs',
      verdict: 'DROPPED',
      policyVerdictsOnly: true,
      view: 'raw',
      selection: {
        type: 'edge',
        from: 'tenant-web/frontend',
        to: 'tenant-jobs/worker',
      },
    });
  });

  it('ignores values a hand-edited link got wrong', () => {
    expect(
      readFlowsUrlState(
        new URLSearchParams(
          'flowsNamespace=Not%20A%20NS&flowsVerdict=nope&flowsView=x&flowsFrom=a',
        ),
      ),
    ).toEqual({ namespace: '', policyVerdictsOnly: false, view: 'aggregated' });
  });
});
