#!/bin/sh
# Container benchmark: `docker run --rm busybox true` per wall-clock second (see ContainerBenchmark.java).
# Plain Java run from source against the shaded kernel jar, so `mvn verify` does not build or run it.
set -e
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl kernel -am package -DskipTests
exec java -cp kernel/target/syssim-kernel.jar bench/container/ContainerBenchmark.java "$@"
