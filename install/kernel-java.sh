#!/usr/bin/env bash
# Prints the java executable the kernel should run on: $SYSSIM_JAVA if set; else the newest JDK of
# version 25 or later in $JAVA_HOME or /usr/lib/jvm (Debian's JVM directory), because its AOT cache
# starts the kernel in about two thirds of the time (README, Performance); else the java on PATH.
set -euo pipefail

if [ -n "${SYSSIM_JAVA:-}" ]; then
    echo "$SYSSIM_JAVA"
    exit 0
fi
best="" best_version=24
for home in ${JAVA_HOME:+"$JAVA_HOME"} /usr/lib/jvm/*; do
    [ -x "$home/bin/java" ] && [ -f "$home/release" ] || continue
    version=$(sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9][0-9]*\).*/\2/p' "$home/release")
    if [ -n "$version" ] && [ "$version" -gt "$best_version" ]; then
        best="$home/bin/java" best_version=$version
    fi
done
if [ -n "$best" ]; then
    echo "$best"
else
    command -v java
fi
