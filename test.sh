#!/usr/bin/env bash
# The README's test command: installs what the tests need (when run as root), then builds and runs every test.
set -euo pipefail
cd "$(dirname "$0")"
if [ "$(id -u)" = 0 ] && [ -x .ci/install-test-deps ]; then
  .ci/install-test-deps
fi
exec mvn -B -ntp verify "$@"
