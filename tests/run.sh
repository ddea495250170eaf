#!/usr/bin/env bash
# The whole test suite: JUnit (mvn -B verify), then the Python tests through the real Jupyter stack.
#  - .venv's pytest: protocol behaviours via jupyter_client, install, every notebook via nbclient;
#  - Debian's Python: jupyter_kernel_test conformance. Debian packages it as
#    python3-jupyter-kernel-test for its own jupyter_client 7 (0.4.5 fails on jupyter_client 8),
#    so it runs on /usr/bin/python3, not in .venv.
# install/test-deps.sh first installs the Debian packages these need (as root, with apt-get).
set -euo pipefail
cd "$(dirname "$0")/.."

install/test-deps.sh
install/setup-venv.sh
mvn -B verify

# Both Python runs report even if the first fails; the script fails if either did.
status=0
.venv/bin/python -m pytest --timeout=600 tests --ignore=tests/conformance || status=1

if ! /usr/bin/python3 -c 'import jupyter_kernel_test, pytest' 2>/dev/null; then
    echo "The conformance tests need Debian's packages: apt-get install python3-jupyter-kernel-test python3-pytest" >&2
    exit 1
fi
/usr/bin/python3 -m pytest -p no:cacheprovider tests/conformance || status=1
exit "$status"
