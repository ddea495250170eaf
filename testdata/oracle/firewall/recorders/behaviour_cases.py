"""The behaviour corpus of issue 21: what the rate limits, recent lists, connlimit, NAT and owner
matches do to real traffic on the campus of namespaces (topology.md), probes timed on the real
clock. Written for this project.

A case is (id, title, steps); a step is (host, command): the command runs as root in that host's
namespace, one step after the other; `sleep N` waits. A `ufw:` command is a script of ufw commands
run in a private mount namespace (ufw's configuration must not change the recording machine). A
command run as nobody is written `nobody: CMD` (setpriv here; the simulation uses sudo -u nobody).
"""

PING_LIMIT = [
    ("wash", "iptables -A INPUT -p icmp --icmp-type echo-request -m limit --limit 1/sec --limit-burst 3 -j ACCEPT"),
    ("wash", "iptables -A INPUT -p icmp --icmp-type echo-request -j DROP"),
]
RECENT = [
    ("wash", "iptables -A INPUT -p tcp --dport 22 -m conntrack --ctstate NEW -m recent --set --name ssh --rsource"),
    ("wash", "iptables -A INPUT -p tcp --dport 22 -m conntrack --ctstate NEW -m recent --update --seconds 3 "
             "--hitcount 3 --name ssh --rsource -j DROP"),
]
PROBE_SSH = ("scanner", "nc -zv -w 2 10.84.0.10 22")

CASES = [
    ("B01", "limit: a burst of 3 pings, then one a second", PING_LIMIT + [
        ("scanner", "ping -c 10 -i 0.3 -W 1 10.84.0.10"),
        ("wash", "iptables -L INPUT -v -n"),
    ]),
    ("B02", "hashlimit: a bucket per source", [
        ("wash", "iptables -A INPUT -p icmp --icmp-type echo-request -m hashlimit --hashlimit-upto 1/sec "
                 "--hashlimit-burst 3 --hashlimit-mode srcip --hashlimit-name ping --hashlimit-htable-expire 10000 -j ACCEPT"),
        ("wash", "iptables -A INPUT -p icmp --icmp-type echo-request -j DROP"),
        ("scanner", "ping -c 5 -i 0.3 -W 1 10.84.0.10"),
        ("offcampus", "ping -c 4 -i 0.3 -W 1 10.84.0.10"),
        ("wash", "cat /proc/net/ipt_hashlimit/ping"),
        ("wash", "iptables -L INPUT -v -n"),
    ]),
    ("B03", "recent: the third new connection in 3 s is dropped, and after 3 quiet seconds one gets through",
     RECENT + [PROBE_SSH, PROBE_SSH, PROBE_SSH, PROBE_SSH, ("scanner", "sleep 5"), PROBE_SSH,
               ("wash", "cat /proc/net/xt_recent/ssh"), ("wash", "iptables -L INPUT -v -n")]),
    ("B04", "recent: writing to /proc/net/xt_recent takes a source off the list", RECENT + [
        PROBE_SSH, PROBE_SSH, PROBE_SSH,
        ("wash", "echo -203.0.113.66 > /proc/net/xt_recent/ssh"),
        ("wash", "cat /proc/net/xt_recent/ssh"),
        PROBE_SSH,
        ("wash", "echo +198.51.100.25 > /proc/net/xt_recent/ssh"),
        ("wash", "echo / > /proc/net/xt_recent/ssh"),
        ("wash", "cat /proc/net/xt_recent/ssh"),
        ("wash", "iptables -L INPUT -v -n"),
    ]),
    ("B05", "connlimit: the third connection from one source is refused, another source is not, a closed one no longer counts", [
        ("mail", "iptables -A INPUT -p tcp --syn --dport 25 -m connlimit --connlimit-above 2 -j REJECT --reject-with tcp-reset"),
        ("scanner", "sleep 3 2>/dev/null | nc -N 10.84.0.25 25 >/dev/null 2>&1 &"),
        ("scanner", "sleep 3 2>/dev/null | nc -N 10.84.0.25 25 >/dev/null 2>&1 &"),
        ("scanner", "sleep 1"),
        ("scanner", "nc -zv -w 2 10.84.0.25 25"),
        ("offcampus", "nc -zv -w 2 10.84.0.25 25"),
        ("scanner", "sleep 3"),
        ("scanner", "nc -zv -w 2 10.84.0.25 25"),
        ("mail", "iptables -L INPUT -v -n"),
    ]),
    ("B06", "DNAT: a port forward on the router, and the tuples conntrack keeps", [
        ("border", "iptables -t nat -A PREROUTING -i eth0 -p tcp --dport 8080 -j DNAT --to-destination 10.84.0.10:80"),
        ("offcampus", "nc -zv -w 2 203.0.113.1 8080"),
        ("border", "conntrack -L"),
        ("border", "iptables -t nat -L -v -n"),
    ]),
    ("B07", "MASQUERADE: campus connections leave with the router's address", [
        ("border", "iptables -t nat -A POSTROUTING -s 10.84.0.0/16 -o eth0 -j MASQUERADE"),
        ("laptop", "nc -zv -w 2 203.0.113.50 80"),
        ("border", "conntrack -L"),
        ("offcampus", "conntrack -L"),
        ("border", "iptables -t nat -L POSTROUTING -v -n"),
    ]),
    ("B08", "REDIRECT: a port of the server itself sent to another", [
        ("wash", "iptables -t nat -A PREROUTING -p tcp --dport 8080 -j REDIRECT --to-ports 80"),
        ("offcampus", "nc -zv -w 2 10.84.0.10 8080"),
        ("wash", "conntrack -L"),
    ]),
    ("B09", "owner: one user's connections are refused on the way out", [
        ("laptop", "iptables -A OUTPUT -p tcp --dport 22 -m owner --uid-owner 65534 -j REJECT"),
        ("laptop", "nobody: nc -zv -w 2 10.84.0.10 22"),
        ("laptop", "nc -zv -w 2 10.84.0.10 22"),
        ("laptop", "iptables -L OUTPUT -v -n"),
    ]),
    ("B10", "ufw limit ssh: the sixth new connection in 30 s is refused", [
        ("laptop", "ufw: ufw default deny incoming; ufw limit ssh; ufw enable"),
        ("scanner", "nc -zv -w 2 10.84.1.50 22"),
        ("scanner", "nc -zv -w 2 10.84.1.50 22"),
        ("scanner", "nc -zv -w 2 10.84.1.50 22"),
        ("scanner", "nc -zv -w 2 10.84.1.50 22"),
        ("scanner", "nc -zv -w 2 10.84.1.50 22"),
        ("scanner", "nc -zv -w 2 10.84.1.50 22"),
        ("scanner", "nc -zv -w 2 10.84.1.50 631"),
        ("laptop", "iptables -L ufw-user-input -v -n"),
    ]),
]
