import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { exampleClusterSpecDocument } from './example';

describe('exampleClusterSpecDocument', () => {
  it('is the spec committed as gitops/examples/democluster1/cluster.yaml', () => {
    const file = path.resolve(
      __dirname,
      '../../../../gitops/examples/democluster1/cluster.yaml',
    );
    const committed = parse(fs.readFileSync(file, 'utf8'));
    const { owner, ...committedMetadata } = committed.metadata;
    expect({ ...committed, metadata: committedMetadata }).toEqual(
      exampleClusterSpecDocument(),
    );
    expect(owner ?? 'platform-team').toBe('platform-team');
  });

  it('returns a fresh object each time, so tests can mutate it', () => {
    const a = exampleClusterSpecDocument();
    a.spec.clusterId = 99;
    expect(exampleClusterSpecDocument().spec.clusterId).toBe(1);
  });
});
