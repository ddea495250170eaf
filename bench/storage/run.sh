#!/bin/sh
# Storage benchmark: heap a file's contents cost the simulated kernel, and write throughput.
# Plain Java run from source against the shaded kernel jar, so `mvn verify` does not build or run it.
set -e
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl kernel -am package -DskipTests
exec java -Xmx1g -cp kernel/target/syssim-kernel.jar bench/storage/StorageBenchmark.java "$@"
