#!/bin/sh
# Engine micro-benchmark: arithmetic evaluation and pattern matching, timed by hand in plain Java
# (no JMH, never an assertion). Compiles simlib's main classes, then runs from source.
set -e
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl simlib compile
exec java -cp simlib/target/classes bench/engines/EngineBenchmark.java "$@"
