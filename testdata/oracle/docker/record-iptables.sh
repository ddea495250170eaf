#!/bin/bash
# Records the iptables rules docker.io 20.10.24 (Debian 12) installs, into iptables-20.10.24.txt,
# and with `ports` as its argument how docker ps and docker port show published ports (ports-20.10.24.txt).
# The daemon runs in a network namespace of its own so the host's tables are left alone:
#   ip netns add d3rec; nsenter --net=/var/run/netns/d3rec dockerd &   (not `ip netns exec`: it remounts
#   /sys and hides the cgroup tree dockerd needs). Needs busybox:latest (an imported busybox-static root).
# Each case: `### COMMAND` (run in the namespace), its output without iptables-save's dated comment
# lines, `### status N`.
set -u
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
NS=d3rec
rec() {
  printf '### %s\n' "$1"
  out=$(nsenter --net=/var/run/netns/$NS bash -c "$1" 2>&1); rc=$?
  printf '%s\n' "$out" | grep -v '^# \(Generated\|Completed\)'
  printf '### status %d\n' "$rc"
}
if [ "${1:-}" = ports ]; then
  rec "docker run -d --name web -p 8080:80 busybox busybox httpd -f -p 80 >/dev/null; docker ps --format '[{{.Names}}] [{{.Ports}}]'; docker port web; docker port web 80"
  rec "docker run -d --name web2 -p 127.0.0.1:9090:80/tcp -p 5353:53/udp busybox busybox httpd -f -p 80 >/dev/null; docker ps --format '[{{.Names}}] [{{.Ports}}]'; docker port web2"
  rec "docker port web 81; docker port nosuch"
  rec "docker rm -f web web2"
  exit 0
fi
rec "iptables-save"
rec "docker run -d --name web -p 8080:80 busybox busybox httpd -f -p 80 >/dev/null; iptables-save"
rec "iptables -t nat -S DOCKER; iptables -S DOCKER"
rec "docker run -d --name web2 -p 127.0.0.1:9090:80/tcp busybox busybox httpd -f -p 80 >/dev/null; iptables -t nat -S DOCKER; iptables -S DOCKER; iptables -t nat -S POSTROUTING"
rec "docker rm -f web web2 >/dev/null; iptables-save"
