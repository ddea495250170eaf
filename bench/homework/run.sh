#!/bin/sh
# Homework grading benchmark: `syssim grade` on a folder of 30 submissions per assignment (made
# as tests/homework makes them: answered, untouched releases, hand-made wrong answers, broken
# files), with --source, as a course grades them. Prints the wall time and the CPU time of the
# grader and its workers for each assignment and round. Usage: bench/homework/run.sh [ROUNDS] [JOBS]
set -e
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl kernel -am package -DskipTests
exec python3 bench/homework/bench.py "$@"
