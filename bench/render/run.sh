#!/bin/sh
# Render benchmark: time and size of trace displays (typical cell; 100,000 events).
# Plain Java run from source against the shaded kernel jar, so `mvn verify` does not build or run it.
set -e
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl kernel -am package -DskipTests
exec java -Djava.awt.headless=true -cp kernel/target/syssim-kernel.jar bench/render/RenderBenchmark.java "$@"
