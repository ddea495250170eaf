#!/bin/sh
# Network benchmark: end-to-end TCP connections per second through the simulated campus
# (nc -z in a shell loop: fork, exec, socket, connect, poll, close, and the packets across the
# wires and netfilter hooks of every machine on the way). Plain Java run from source against the
# shaded kernel jar, so `mvn verify` does not build or run it.
set -e
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl kernel -am package -DskipTests
exec java -cp kernel/target/syssim-kernel.jar bench/network/NetworkBenchmark.java "$@"
