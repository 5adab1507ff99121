/**
 * Serves democluster1/2 (Kubernetes API + Hubble Relay test servers) until
 * interrupted and writes the app-config that points Backstage at them:
 *
 *   node --import tsx test/src/kubernetes/serveDemo.ts [app-config.demo.yaml]
 *   yarn start --config app-config.yaml --config app-config.demo.yaml
 */
import fs from 'node:fs';
import YAML from 'yaml';
import { startDemoEnvironment } from './demoEnvironment';

async function main() {
  const file = process.argv[2] ?? 'app-config.demo.yaml';
  const env = await startDemoEnvironment();
  const text = [
    '# Written by test/src/kubernetes/serveDemo.ts while its test servers run;',
    '# rerun it to regenerate (ports change each run).',
    YAML.stringify(env.config),
  ].join('\n');
  fs.writeFileSync(file, text);
  process.stdout.write(`${text}\nWrote ${file}; serving until interrupted.\n`);
  const stop = async () => {
    await env.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
