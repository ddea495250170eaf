#!/usr/bin/env python3
"""Records the ufw corpus (ufw_corpus.jsonl) on real ufw 0.36.2 and iptables 1.8.9 (nf_tables).

Each case runs in a fresh network namespace and a private mount namespace in which /etc/ufw,
/etc/default and /lib/ufw are private copies (tmpfs), so that neither the host's firewall nor its
ufw configuration changes. The application profiles of openssh-server, cups-daemon and postfix
(the servers the simulated machines run) are added to the copy of /etc/ufw/applications.d from
their Debian packages (`apt-get download`, `dpkg -x`). After each step the recorder takes the
filter table as `iptables -S`. Run as root on Debian 12 (`apt-get install ufw iptables`):

    python3 record_ufw.py > ../ufw_corpus.jsonl
"""
import glob
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

from ufw_cases import CASES

NS = "orc-ufw"
PRIVATE = ["/etc/ufw", "/etc/default", "/lib/ufw"]


def profiles():
    """The ufw profiles of the packages whose servers the simulated machines run."""
    work = tempfile.mkdtemp(prefix="ufw-profiles-")
    subprocess.run(["apt-get", "download", "openssh-server", "cups-daemon", "postfix"], cwd=work,
                   capture_output=True, check=True)
    for deb in glob.glob(os.path.join(work, "*.deb")):
        subprocess.run(["dpkg", "-x", deb, os.path.join(work, "x")], check=True)
    return glob.glob(os.path.join(work, "x", "etc", "ufw", "applications.d", "*"))


SETUP = r"""
set -e
for d in %(dirs)s; do
  mkdir -p /tmp/orc-ufw-save$d && cp -a $d/. /tmp/orc-ufw-save$d/
  mount -t tmpfs tmpfs $d && cp -a /tmp/orc-ufw-save$d/. $d/
done
cp %(profiles)s /etc/ufw/applications.d/
ip link set lo up
"""


def record(case, extra):
    subprocess.run(["ip", "netns", "add", NS], check=True)
    try:
        script = SETUP % {"dirs": " ".join(PRIVATE), "profiles": " ".join(shlex.quote(p) for p in extra)}
        steps = []
        # One shell per case keeps the private mounts: each step is a line of one script.
        lines = [script, "set +e"]
        for i, (cmd, stdin) in enumerate(case["steps"]):
            feed = "/dev/null" if stdin is None else "/tmp/orc-ufw-in-%d" % i
            if stdin is not None:
                with open(feed, "w") as f:
                    f.write(stdin)
            lines.append("%s <%s >/tmp/orc-ufw-out-%d 2>/tmp/orc-ufw-err-%d; echo $? >/tmp/orc-ufw-rc-%d" % (cmd, feed, i, i, i))
            lines.append("iptables -S >/tmp/orc-ufw-S-%d" % i)
        lines.append("cat /etc/ufw/user.rules >/tmp/orc-ufw-user-rules")
        p = subprocess.run(["ip", "netns", "exec", NS, "unshare", "-m", "bash", "-c", "\n".join(lines)],
                           capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit("case %s failed: %s" % (case["id"], p.stderr))
        for i, (cmd, stdin) in enumerate(case["steps"]):
            step = {"cmd": cmd, "stdout": read("/tmp/orc-ufw-out-%d" % i), "stderr": read("/tmp/orc-ufw-err-%d" % i),
                    "rc": int(read("/tmp/orc-ufw-rc-%d" % i)), "rules_S_after": read("/tmp/orc-ufw-S-%d" % i)}
            if stdin is not None:
                step["stdin"] = stdin
            steps.append(step)
        return {"id": case["id"], "steps": steps, "user_rules": read("/tmp/orc-ufw-user-rules")}
    finally:
        subprocess.run(["ip", "netns", "del", NS], check=True)
        for f in glob.glob("/tmp/orc-ufw-*"):
            if os.path.isdir(f):
                shutil.rmtree(f)
            else:
                os.remove(f)


def read(path):
    with open(path) as f:
        return f.read()


def main():
    extra = profiles()
    ids = set()
    for case in CASES:
        if case["id"] in ids:
            sys.exit("duplicate id " + case["id"])
        ids.add(case["id"])
        print(json.dumps(record(case, extra), sort_keys=True), flush=True)


if __name__ == "__main__":
    main()
