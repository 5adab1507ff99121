import { clusterStatus } from '../../__fixtures__/clusterStatus';
import { allowedFlow, deniedFlow, traceFlow } from '../../__fixtures__/flows';
import { policyNamesText } from './flowText';
import { hubbleStatusLines } from './HubbleStatusPanel';
import { displayVerdict } from './verdicts';

describe('hubble text', () => {
  it('formats hubble status like the CLI, including N/A for a single agent', () => {
    expect(hubbleStatusLines(clusterStatus.hubble!)).toEqual({
      health: 'Ok',
      flows: '8,190/8,190 (100.00%)',
      rate: '12.34',
      connected: '3/3',
      unavailable: '0',
    });
    expect(
      hubbleStatusLines({
        ...clusterStatus.hubble!,
        healthy: false,
        healthMessage: 'NOT_SERVING',
        maxFlows: 0,
        numFlows: 0,
        numConnectedNodes: 2,
        numUnavailableNodes: 1,
        unavailableNodes: ['prod-eu-1/worker-c'],
      }),
    ).toMatchObject({
      health: 'Unavailable: NOT_SERVING',
      flows: '0/0',
      connected: '2/3',
      unavailable: '1 (prod-eu-1/worker-c)',
    });
    expect(
      hubbleStatusLines({
        ...clusterStatus.hubble!,
        numConnectedNodes: null,
        numUnavailableNodes: null,
      }),
    ).toMatchObject({ connected: 'N/A', unavailable: 'N/A' });
  });

  it('names verdicts and types as hubble observe does', () => {
    expect(displayVerdict(allowedFlow)).toBe('ALLOWED');
    expect(displayVerdict(deniedFlow)).toBe('DENIED');
    expect(displayVerdict({ verdict: 'AUDIT', isPolicyVerdict: true })).toBe(
      'AUDITED',
    );
    expect(displayVerdict(traceFlow)).toBe('FORWARDED');
    expect(policyNamesText(traceFlow)).toBe('');
    expect(policyNamesText(allowedFlow)).toBe(
      'allowed by tenant-jobs/allow-scheduler (CiliumNetworkPolicy)',
    );
  });
});
