#!/usr/bin/env bash
# Builds the kernel jar if it is missing or older than the sources, then installs the kernelspec.
# Options are those of `java -jar kernel/target/syssim-kernel.jar install` (see --help):
#   install/install.sh [--user | --sys-prefix | --prefix DIR] [--name N] [--display-name D]
#                      [--java PATH] [--no-cds]
# Without --java the kernel runs on the JVM install/kernel-java.sh picks (a JDK 25 or newer if
# the machine has one, for its AOT cache; else the java on PATH).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=kernel/target/syssim-kernel.jar
if [ ! -f "$JAR" ] || [ -n "$(find pom.xml simlib kernel/pom.xml kernel/src install/kernelspec -newer "$JAR" -type f -print -quit)" ]; then
    echo "Building $JAR"
    mvn -B -q package -DskipTests
fi
for arg in "$@"; do
    case "$arg" in
        --java|--help|-h) exec java -jar "$JAR" install "$@" ;;
    esac
done
exec java -jar "$JAR" install --java "$(install/kernel-java.sh)" "$@"
