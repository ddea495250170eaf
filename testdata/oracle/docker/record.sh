#!/bin/bash
# Records docker 20.10.24 (Debian 12 docker.io) outputs: each case's command, its stdout+stderr, its status.
D=/usr/bin/docker
rec() {
  printf '### %s\n' "$1"
  out=$(bash -c "$1" 2>&1); rc=$?
  printf '%s\n' "$out"
  printf '### status %d\n' "$rc"
}
rec "$D run --rm busybox echo hi"
rec "$D run --rm busybox nosuch"
rec "$D run --rm busybox /etc"
rec "$D run --rm busybox sh -c 'exit 3'"
rec "$D run --rm --name demo -e GREETING=hello busybox sh -c 'echo \$GREETING'"
rec "$D run --rm --network none busybox cat /proc/net/dev | tail -n +3 | cut -d: -f1"
rec "$D run --rm busybox ps"
rec "$D run --rm --pids-limit 5 busybox cat /sys/fs/cgroup/pids.max"
rec "$D run --rm --memory 32m busybox cat /sys/fs/cgroup/memory.max"
rec "$D run --rm busybox cat /proc/self/cgroup"
rec "$D run --rm busybox ls /dev"
rec "$D run --rm -v /tmp/voldemo:/data busybox cat /data/file"
rec "$D run --bogus busybox true"
rec "$D rm nosuchcontainer"
rec "$D logs nosuchcontainer"
rec "$D stop nosuchcontainer"
rec "$D kill nosuchcontainer"
rec "$D exec nosuchcontainer true"
rec "$D run --name dup -d busybox sleep 1000 >/dev/null; $D run --name dup busybox true"
rec "$D kill dup"

rec "$D rm dup"
rec "$D ps -a"
rec "$D run -d --name lg busybox sh -c 'echo out; echo err >&2' >/dev/null; sleep 1; $D logs lg; $D rm lg"
rec "$D run --rm busybox"
rec "$D run"
rec "su student -c '$D ps'"
for c in "run --rm busybox true" "images" "pull alpine" "rm x" "logs x" "stop x" "kill x" "exec x true"; do rec "su student -c '$D $c'"; done
