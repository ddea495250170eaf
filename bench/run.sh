#!/usr/bin/env bash
# Benchmarks syssim against ipykernel in one run (see bench/kernel_bench.py for what is measured).
# Installs ipykernel and psutil into .venv if missing; installs the kernel into build/bench-kernel.
# Extra arguments go to kernel_bench.py, e.g. bench/run.sh --starts 30 --cells 500
set -euo pipefail
cd "$(dirname "$0")/.."

install/setup-venv.sh
if ! .venv/bin/python -c 'import ipykernel, psutil' 2>/dev/null; then
    PIP_RETRIES=0 .venv/bin/python -m pip install --quiet --retries 0 --disable-pip-version-check ipykernel psutil
fi
install/install.sh --prefix build/bench-kernel >/dev/null
JUPYTER_PATH="$PWD/build/bench-kernel/share/jupyter" \
    .venv/bin/python bench/kernel_bench.py --out bench/results/latest.md "$@"
