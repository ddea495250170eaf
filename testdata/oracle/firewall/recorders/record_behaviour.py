#!/usr/bin/env python3
"""Records the behaviour corpus (behaviour.jsonl): the campus of topology.md built from network
namespaces, veth pairs and two bridges on this machine, `nc -lk` listeners as there, and for each
case of behaviour_cases.py its steps run one after the other on the real clock, each with its
output (stdout and stderr merged, as a terminal shows them) and status. The campus is built afresh
for every case and taken down after it; nothing outside the namespaces changes (ufw runs in a
private mount namespace with copies of its configuration).

Run as root on Debian 12 with iptables 1.8.9, conntrack 1.4.7, netcat-openbsd and ufw 0.36.2:

    python3 record_behaviour.py > ../behaviour.jsonl
"""
import json
import subprocess
import sys
import time

from behaviour_cases import CASES

HOSTS = {  # host: (interface address, prefix, gateway, listeners)
    "wash": ("10.84.0.10", 16, "10.84.0.1", [22, 80]),
    "mail": ("10.84.0.25", 16, "10.84.0.1", [25]),
    "laptop": ("10.84.1.50", 16, "10.84.0.1", [631, 22]),
    "offcampus": ("203.0.113.50", 24, "203.0.113.1", []),
    "scanner": ("203.0.113.66", 24, "203.0.113.1", []),
    "partner": ("198.51.100.25", 24, "198.51.100.1", []),
}
CAMPUS = ["wash", "mail", "laptop"]
UFW_DIRS = "/etc/ufw /etc/default /lib/ufw"


def sh(*argv, check=True):
    return subprocess.run(argv, check=check, capture_output=True, text=True)


def ns(host):
    return "orc-" + host


def build():
    for switch in ("sw-out", "sw-campus"):
        sh("ip", "netns", "add", ns(switch))
        sh("ip", "netns", "exec", ns(switch), "ip", "link", "add", "br0", "type", "bridge")
        sh("ip", "netns", "exec", ns(switch), "ip", "link", "set", "br0", "up")
    for host in list(HOSTS) + ["border"]:
        sh("ip", "netns", "add", ns(host))
        for cmd in ("sysctl -qw net.ipv6.conf.all.disable_ipv6=1", "sysctl -qw net.ipv6.conf.default.disable_ipv6=1",
                    "sysctl -qw net.ipv4.icmp_ratelimit=0", "ip link set lo up"):
            sh("ip", "netns", "exec", ns(host), *cmd.split())
    links = [(h, "eth0", "sw-campus" if h in CAMPUS else "sw-out") for h in HOSTS]
    links += [("border", "eth0", "sw-out"), ("border", "eth1", "sw-campus")]
    for number, (host, iface, switch) in enumerate(links):
        port = "p%d-%s" % (number, iface)  # the bridge's side (IFNAMSIZ allows 15 characters)
        sh("ip", "link", "add", port, "type", "veth", "peer", "name", "tmp0")
        sh("ip", "link", "set", "tmp0", "netns", ns(host))
        sh("ip", "netns", "exec", ns(host), "ip", "link", "set", "tmp0", "name", iface)
        sh("ip", "link", "set", port, "netns", ns(switch))
        sh("ip", "netns", "exec", ns(switch), "ip", "link", "set", port, "master", "br0")
        sh("ip", "netns", "exec", ns(switch), "ip", "link", "set", port, "up")
        sh("ip", "netns", "exec", ns(host), "ip", "link", "set", iface, "up")
    for host, (address, prefix, gateway, ports) in HOSTS.items():
        sh("ip", "netns", "exec", ns(host), "ip", "addr", "add", "%s/%d" % (address, prefix), "dev", "eth0")
        sh("ip", "netns", "exec", ns(host), "ip", "route", "add", "default", "via", gateway)
    for address in ("203.0.113.1/24", "198.51.100.1/24"):
        sh("ip", "netns", "exec", ns("border"), "ip", "addr", "add", address, "dev", "eth0")
    sh("ip", "netns", "exec", ns("border"), "ip", "addr", "add", "10.84.0.1/16", "dev", "eth1")
    for setting in ("net.ipv4.ip_forward=1", "net.ipv4.conf.all.send_redirects=0", "net.ipv4.conf.default.send_redirects=0",
                    "net.ipv4.conf.eth0.send_redirects=0", "net.ipv4.conf.eth1.send_redirects=0"):
        sh("ip", "netns", "exec", ns("border"), "sysctl", "-qw", setting)
    for host, (_, _, _, ports) in HOSTS.items():
        for port in ports:
            subprocess.Popen(["ip", "netns", "exec", ns(host), "nc", "-lk", str(port)], stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)


def teardown():
    for host in list(HOSTS) + ["border", "sw-out", "sw-campus"]:
        pids = sh("ip", "netns", "pids", ns(host), check=False).stdout.split()
        for pid in pids:
            subprocess.run(["kill", "-9", pid], capture_output=True)
    time.sleep(0.2)
    for host in list(HOSTS) + ["border", "sw-out", "sw-campus"]:
        sh("ip", "netns", "del", ns(host), check=False)


def run(host, cmd):
    if cmd.startswith("ufw: "):
        script = "set -e; for d in %s; do mkdir -p /tmp/orc-b$d; cp -a $d/. /tmp/orc-b$d/; mount -t tmpfs tmpfs $d; " \
                 "cp -a /tmp/orc-b$d/. $d/; done; set +e; " % UFW_DIRS + cmd[5:].replace(";", " </dev/null;") + " </dev/null"
        argv = ["ip", "netns", "exec", ns(host), "unshare", "-m", "bash", "-c", script]
    elif cmd.startswith("nobody: "):
        argv = ["ip", "netns", "exec", ns(host), "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "bash", "-c", cmd[8:] + " </dev/null"]
    else:
        argv = ["ip", "netns", "exec", ns(host), "bash", "-c", cmd + " </dev/null"]
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return p.stdout, p.returncode


def main():
    for case_id, title, steps in CASES:
        teardown()
        try:
            build()
            started = time.monotonic()
            out = []
            for host, cmd in steps:
                at = round(time.monotonic() - started, 3)
                output, rc = run(host, cmd)
                out.append({"host": host, "cmd": cmd, "output": output, "rc": rc, "at_s": at})
            print(json.dumps({"id": case_id, "title": title, "steps": out}, sort_keys=True), flush=True)
        finally:
            teardown()
    subprocess.run(["rm", "-rf", "/tmp/orc-b"])


if __name__ == "__main__":
    if len(sys.argv) > 1:
        CASES[:] = [c for c in CASES if c[0] in sys.argv[1:]]
    main()
