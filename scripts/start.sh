#!/usr/bin/env bash
# README command 1: install everything and start the portal.
# Frontend http://localhost:3000, backend http://localhost:7007, guest sign-in.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/toolchain.sh

yarn install --immutable
exec yarn start "$@"
