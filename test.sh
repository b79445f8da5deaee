#!/usr/bin/env bash
# The README's test command: installs what the tests need (when run as root), builds everything and runs every
# module's tests, then checks that the ./haechi launcher builds and starts from this clone.
set -euo pipefail
cd "$(dirname "$0")"
if [ "$(id -u)" = 0 ] && [ -x .ci/install-test-deps ]; then
  .ci/install-test-deps
fi
mvn -B -ntp verify "$@"
./haechi --help > /dev/null
echo "launcher: ./haechi --help OK"
