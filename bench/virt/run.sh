#!/bin/sh
# Virtualization benchmark: guest syscalls against bare metal, guest disk reads on emulated and virtio disks.
# Plain Java run from source against the shaded kernel jar, so `mvn verify` does not build or run it.
set -e
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl kernel -am package -DskipTests
exec java -Xmx1g -cp kernel/target/syssim-kernel.jar bench/virt/VirtBenchmark.java "$@"
