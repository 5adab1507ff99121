import { formatSpecIssues } from './specIssues';

describe('formatSpecIssues', () => {
  it('counts the problems and prints one path: rule line each, in order', () => {
    expect(
      formatSpecIssues([
        {
          path: 'spec.network.podCIDR',
          message: '10.0.0.0/33 is not a valid IPv4 CIDR',
        },
        { path: 'metadata.name', message: 'is required' },
      ]),
    ).toBe(
      'invalid cluster spec (2 problems):\n' +
        '  spec.network.podCIDR: 10.0.0.0/33 is not a valid IPv4 CIDR\n' +
        '  metadata.name: is required',
    );
  });

  it('says where, and names the whole document for an empty path', () => {
    expect(
      formatSpecIssues(
        [{ path: '', message: 'is not a mapping' }],
        'cluster.yaml',
      ),
    ).toBe(
      'invalid cluster spec in cluster.yaml (1 problem):\n  (document): is not a mapping',
    );
  });
});
