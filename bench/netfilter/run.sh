#!/bin/sh
# Netfilter benchmark: verdicts per second through a 1,000-rule FORWARD chain (new connections and
# established packets), one thread. Compiles simlib's test classes, then runs the plain-Java
# benchmark (simlib/src/test/java/dev/syssim/sim/netfilter/bench/FilterBenchmark.java).
set -eu
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl simlib test-compile
exec java -Xms512m -Xmx1g -XX:+UseParallelGC -XX:ActiveProcessorCount=1 \
    -cp simlib/target/classes:simlib/target/test-classes \
    dev.syssim.sim.netfilter.bench.FilterBenchmark "$@"
