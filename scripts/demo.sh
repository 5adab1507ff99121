#!/usr/bin/env bash
# See the Cilium pages without a cluster: starts the protocol-true test
# servers of the browser tests (a Kubernetes API server, a Hubble Relay and
# a Prometheus per example cluster, on loopback) and the portal configured to
# them.
# Test data only; the product itself has no demo data path.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/toolchain.sh

yarn install --immutable
mkdir -p .data
config=.data/app-config.demo.yaml
rm -f "$config"
node --import tsx test/src/kubernetes/serveDemo.ts "$config" > .data/demo-servers.log 2>&1 &
servers=$!
trap 'kill $servers 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do [ -s "$config" ] && break; sleep 0.5; done
[ -s "$config" ] || { cat .data/demo-servers.log; exit 1; }
echo "==> Test servers up ($config); starting the portal"
yarn start --config "$PWD/app-config.yaml" --config "$PWD/$config"
