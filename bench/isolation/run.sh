#!/bin/sh
# Isolation benchmark: simulated syscalls per second of one process outside, and inside new
# namespaces (pid, mount, uts, ipc, net) and a cgroup with pids, memory and device rules.
# Plain Java run from source against the shaded kernel jar, so `mvn verify` does not build or run it.
set -e
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl kernel -am package -DskipTests
exec java -cp kernel/target/syssim-kernel.jar bench/isolation/IsolationBenchmark.java "$@"
