"""The ufw corpus (issue 21): ufw 0.36.2 (Debian 12) on a machine with openssh-server, cups and
postfix installed (their ufw application profiles), every command the lecture and the issue use,
with its error paths. Written for this project. Each case is (id, steps); a step is a command
line, or (command line, standard input)."""

ENABLED = ["ufw enable"]

RAW = [
    ("status_inactive", ["ufw status", "ufw status verbose", "ufw status numbered"]),
    ("enable_disable", ["ufw enable", "ufw status", "ufw status verbose", "ufw enable", "ufw reload", "ufw disable",
                        "ufw status", "ufw reload", "ufw disable", "ufw enable"]),
    ("allow_port", ENABLED + ["ufw allow 22/tcp", "ufw allow 22/tcp", "ufw allow 80", "ufw allow 53/udp",
                              "ufw status", "ufw status numbered", "ufw status verbose"]),
    ("allow_while_inactive", ["ufw allow 22/tcp", "ufw status", "ufw enable", "ufw status"]),
    ("allow_from", ENABLED + ["ufw allow from 10.0.0.0/8 to any port 22 proto tcp", "ufw allow from 203.0.113.50",
                              "ufw deny from 203.0.113.66", "ufw allow from 10.84.0.0/16 to any port 631",
                              "ufw allow to 10.84.1.50 port 80 proto tcp", "ufw status", "ufw status numbered"]),
    ("limit", ENABLED + ["ufw limit ssh", "ufw status", "ufw status verbose", "ufw limit 25/tcp", "ufw limit 53"]),
    ("deny_reject", ENABLED + ["ufw deny 23", "ufw reject 25/tcp", "ufw deny out 25", "ufw reject out 80/tcp",
                               "ufw allow out 53/udp", "ufw status", "ufw status verbose"]),
    ("delete", ENABLED + ["ufw allow 22/tcp", "ufw allow 80/tcp", "ufw deny 23", "ufw delete 1", ("ufw delete 1", "y\n"),
                          "ufw status numbered", "ufw --force delete 1", "ufw status numbered", "ufw delete deny 23",
                          "ufw status numbered", "ufw delete allow 443", "ufw delete 7"]),
    ("insert", ENABLED + ["ufw allow 80/tcp", "ufw allow 22/tcp", "ufw insert 1 deny from 203.0.113.66",
                          "ufw status numbered", "ufw insert 9 deny 23"]),
    ("default_policies", ["ufw default deny incoming", "ufw default allow outgoing", "ufw enable", "ufw status verbose",
                          "ufw default allow incoming", "ufw default reject incoming", "ufw default deny outgoing",
                          "ufw default allow routed", "ufw status verbose", "ufw default deny", "ufw default foo incoming",
                          "ufw default deny sideways"]),
    ("app", ["ufw app list", "ufw allow OpenSSH", "ufw allow CUPS", "ufw enable", "ufw status", "ufw allow Nosuch",
             "ufw delete allow OpenSSH", "ufw status"]),
    ("ranges_and_lists", ENABLED + ["ufw allow 6000:6007/tcp", "ufw allow 80,443/tcp", "ufw allow 6000:6007",
                                    "ufw status"]),
    ("interfaces", ENABLED + ["ufw allow in on eth0 to any port 80 proto tcp", "ufw deny in on eth1 from 10.0.0.0/8",
                              "ufw status"]),
    ("logging", ENABLED + ["ufw logging off", "ufw status verbose", "ufw logging on", "ufw logging high",
                           "ufw status verbose", "ufw logging medium", "ufw logging low"]),
    ("errors", ["ufw allow 99999", "ufw allow foo", "ufw allow from 300.1.1.1", "ufw frobnicate", "ufw",
                "ufw allow", "ufw deny from", "ufw status foo", "ufw allow 22/foo", "ufw delete 1",
                "setpriv --reuid=65534 --regid=65534 --clear-groups ufw status",
                "setpriv --reuid=65534 --regid=65534 --clear-groups ufw enable"]),
    ("numbered_in_out", ENABLED + ["ufw allow 22/tcp", "ufw deny out 25", "ufw allow from 203.0.113.50",
                                   "ufw status numbered", "ufw --force delete 2", "ufw status numbered"]),
    ("reject_any", ENABLED + ["ufw reject 23", "ufw reject from 203.0.113.66", "ufw status"]),
    ("proto_syntax", ENABLED + ["ufw allow proto tcp to any port 80", "ufw allow proto udp from 10.0.0.0/8 port 53",
                                "ufw allow proto tcp from 10.0.0.0/8 to 10.84.0.10 port 22", "ufw status"]),
    ("version", ["ufw version", "ufw --version"]),
    ("active_no_rules", ENABLED + ["ufw status", "ufw status numbered", "ufw status verbose"]),
    ("lecture_laptop", ["ufw default deny incoming", "ufw allow from 10.84.0.0/16 to any port 22 proto tcp",
                        "ufw limit ssh", "ufw enable", "ufw status verbose"]),
]

CASES = [{"id": i, "steps": [s if isinstance(s, tuple) else (s, None) for s in steps]} for i, steps in RAW]
