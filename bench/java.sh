#!/usr/bin/env bash
# Benchmarks Java cells (bench/java_bench.py): the first Java cell of a kernel, later cells' round
# trips, memory; for the SysSim kernelspec (%%java cells) and SysSim (Java). Installs both
# kernelspecs into build/bench-kernel with install/install.sh, as bench/run.sh does.
# Extra arguments go to java_bench.py, e.g. bench/java.sh --starts 20 --cells 300
set -euo pipefail
cd "$(dirname "$0")/.."

install/setup-venv.sh
if ! .venv/bin/python -c 'import psutil' 2>/dev/null; then
    PIP_RETRIES=0 .venv/bin/python -m pip install --quiet --retries 0 --disable-pip-version-check psutil
fi
install/install.sh --prefix build/bench-kernel >/dev/null
JUPYTER_PATH="$PWD/build/bench-kernel/share/jupyter" \
    .venv/bin/python bench/java_bench.py --out bench/results/java-latest.md "$@"
