#!/bin/sh
# Netfilter benchmarks, one thread. Compiles simlib's test classes, then runs a plain-Java benchmark:
#   run.sh        verdicts per second through a 1,000-rule FORWARD chain (new connections and
#                 established packets): simlib/src/test/java/dev/syssim/sim/netfilter/bench/FilterBenchmark.java
#   run.sh sets   packets per second through 10 and 10,000 rules and through one 10,000-entry ipset,
#                 recent and hashlimit with 100,000 sources and the memory they keep: .../bench/SetBenchmark.java
set -eu
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl simlib test-compile
main=dev.syssim.sim.netfilter.bench.FilterBenchmark
if [ "${1:-}" = sets ]; then
    main=dev.syssim.sim.netfilter.bench.SetBenchmark
    shift
fi
exec java -Xms512m -Xmx1g -XX:+UseParallelGC -XX:ActiveProcessorCount=1 \
    -cp simlib/target/classes:simlib/target/test-classes \
    "$main" "$@"
