#!/bin/bash
# Records the iptables rules docker.io 20.10.24 (Debian 12) installs, into iptables-20.10.24.txt,
# with `ports` as its argument how docker ps and docker port show published ports (ports-20.10.24.txt),
# with `networks` a user-defined network's bridge, rules and addresses (networks-20.10.24.txt; a freshly
# started daemon: its address pools are handed out in order and not at once reused).
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
if [ "${1:-}" = networks ]; then
  rec "docker network create mynet | sed 's/[0-9a-f]\{64\}/ID/'; docker network ls --format '{{.Name}} {{.Driver}} {{.Scope}}'"
  rec "iptables-save | sed 's/br-[0-9a-f]\{12\}/br-ID/g'"
  rec "docker run -d --name a --network mynet busybox true"
  rec "docker run -d --name na --network mynet busybox busybox sleep 1000 >/dev/null; docker inspect -f '{{.NetworkSettings.Networks.mynet.IPAddress}} {{.NetworkSettings.Networks.mynet.Gateway}} {{.NetworkSettings.Networks.mynet.MacAddress}} [{{.NetworkSettings.IPAddress}}]' na"
  rec "ip -4 addr show \$(ip -br link | grep -o '^br-[0-9a-f]*') | sed 's/br-[0-9a-f]\{12\}/br-ID/g'"
  rec "docker network create mynet | sed 's/[0-9a-f]\{64\}/ID/'"
  rec "docker network rm mynet 2>&1 | sed 's/[0-9a-f]\{64\}/ID/'"
  rec "docker rm -f na >/dev/null; docker network rm mynet; docker network rm nosuch; docker network rm bridge"
  exit 0
fi
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
