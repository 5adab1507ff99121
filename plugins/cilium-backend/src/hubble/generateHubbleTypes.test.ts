import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  GENERATED_DIR,
  checkGenerated,
  generatorFlags,
} from './generateHubbleTypes';

describe('yarn generate:hubble-types', () => {
  it('passes the client loader options to the generator', () => {
    expect(generatorFlags()).toEqual([
      '--keepCase',
      '--longs=String',
      '--enums=String',
      '--defaults',
      '--oneofs',
      '-I',
      'proto',
      '--grpcLib=@grpc/grpc-js',
    ]);
  });

  it('committed generated types match what the protos produce', () => {
    expect(checkGenerated()).toEqual([]);
  });

  it('lists edited, extra and missing files', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'hubble-types-copy-'));
    try {
      fs.cpSync(GENERATED_DIR, copy, { recursive: true });
      fs.appendFileSync(path.join(copy, 'flow/Flow.ts'), '// edited\n');
      fs.writeFileSync(path.join(copy, 'stale.ts'), '');
      fs.rmSync(path.join(copy, 'observer/Observer.ts'));
      expect(checkGenerated(copy)).toEqual([
        'flow/Flow.ts',
        'observer/Observer.ts',
        'stale.ts',
      ]);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
