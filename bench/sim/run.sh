#!/bin/sh
# Simulation benchmark: simulated syscalls per second (trace off / full) and a scheduling workload.
# Plain Java run from source against the shaded kernel jar, so `mvn verify` does not build or run it.
set -e
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl kernel -am package -DskipTests
exec java -cp kernel/target/syssim-kernel.jar bench/sim/SimBenchmark.java "$@"
