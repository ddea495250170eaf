#!/bin/sh
# The shell's speed next to the real bash (issue 18): bench/shell/run.sh [ROUNDS] [SCALE]. Compiles
# simlib's main classes, then runs the benchmark from source.
set -e
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl simlib compile
exec java -cp simlib/target/classes bench/shell/ShellBenchmark.java "$@"
