#!/usr/bin/env bash
# Traced vs untraced cell time and saved size on a live kernel (see trace_cell.py).
# Debian's Python (jupyter_client, nbformat); the kernel built and installed into a scratch prefix.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f kernel/target/syssim-kernel.jar ] || mvn -B -q -pl kernel -am package -DskipTests
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
java -jar kernel/target/syssim-kernel.jar install --prefix "$prefix" --java "$(install/kernel-java.sh)" >/dev/null
JUPYTER_PATH="$prefix/share/jupyter" /usr/bin/python3 bench/trace/trace_cell.py "$@"
