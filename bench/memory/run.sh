#!/usr/bin/env bash
# Memory of kernels (RSS, USS, PSS) fresh, after the hub test's section and idle, with the JVM options or env variables
# given (see kernel_rss.py), e.g. bench/memory/run.sh MALLOC_ARENA_MAX=2 -Xss256k; INSTALL_ARGS are
# passed to the installer, e.g. INSTALL_ARGS=--no-java-cells bench/memory/run.sh --mappings
# Debian's Python (jupyter_client); the kernel built and installed into a scratch prefix.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f kernel/target/syssim-kernel.jar ] || mvn -B -q -pl kernel -am package -DskipTests
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
java -jar kernel/target/syssim-kernel.jar install --prefix "$prefix" --java "$(install/kernel-java.sh)" ${INSTALL_ARGS:-} >/dev/null
JUPYTER_PATH="$prefix/share/jupyter" /usr/bin/python3 bench/memory/kernel_rss.py "$@"
