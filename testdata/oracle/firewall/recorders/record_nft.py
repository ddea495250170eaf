#!/usr/bin/env python3
"""Records the nft corpus (nft_corpus.jsonl) on real nftables 1.0.6, iptables 1.8.9 (nf_tables)
and ufw 0.36.2. Each case runs in a fresh network namespace and a private mount namespace (ufw's
configuration is a private copy there), one shell per case: each step's stdout, stderr and status.
`ufw:` steps are scripts of ufw commands; `file:PATH` steps write a file first. Run as root on
Debian 12 (`apt-get install nftables iptables ufw iputils-ping`):

    python3 record_nft.py > ../nft_corpus.jsonl
"""
import glob
import json
import os
import shlex
import shutil
import subprocess
import sys

from nft_cases import CASES

NS = "orc-nft"
SETUP = r"""
set -e
for d in /etc/ufw /etc/default /lib/ufw; do
  mkdir -p /tmp/orc-nft-save$d && cp -a $d/. /tmp/orc-nft-save$d/
  mount -t tmpfs tmpfs $d && cp -a /tmp/orc-nft-save$d/. $d/
done
set +e
"""


def record(case):
    subprocess.run(["ip", "netns", "add", NS], check=True)
    try:
        lines = [SETUP]
        for i, (cmd, stdin) in enumerate(case["steps"]):
            if cmd.startswith("file:"):
                with open("/tmp/orc-nft-file-%d" % i, "w") as f:
                    f.write(stdin)
                lines.append("cp /tmp/orc-nft-file-%d %s; echo 0 >/tmp/orc-nft-rc-%d; : >/tmp/orc-nft-out-%d; "
                             ": >/tmp/orc-nft-err-%d" % (i, shlex.quote(cmd[5:]), i, i, i))
                continue
            run = cmd[5:].replace(";", " </dev/null;") if cmd.startswith("ufw: ") else cmd
            lines.append("%s </dev/null >/tmp/orc-nft-out-%d 2>/tmp/orc-nft-err-%d; echo $? >/tmp/orc-nft-rc-%d"
                         % (run, i, i, i))
        p = subprocess.run(["ip", "netns", "exec", NS, "unshare", "-m", "bash", "-c", "\n".join(lines)],
                           capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit("case %s failed: %s" % (case["id"], p.stderr))
        steps = []
        for i, (cmd, stdin) in enumerate(case["steps"]):
            step = {"cmd": cmd, "stdout": read("/tmp/orc-nft-out-%d" % i), "stderr": read("/tmp/orc-nft-err-%d" % i),
                    "rc": int(read("/tmp/orc-nft-rc-%d" % i))}
            if stdin is not None:
                step["stdin"] = stdin
            steps.append(step)
        return {"id": case["id"], "steps": steps}
    finally:
        subprocess.run(["ip", "netns", "del", NS], check=True)
        for f in glob.glob("/tmp/orc-nft-*") + glob.glob("/tmp/orc-fw.nft") + glob.glob("/tmp/orc-bad.nft") + glob.glob("/tmp/orc-def*.nft"):
            if os.path.isdir(f):
                shutil.rmtree(f)
            else:
                os.remove(f)


def read(path):
    with open(path) as f:
        return f.read()


def main():
    for case in CASES:
        print(json.dumps(record(case), sort_keys=True), flush=True)


if __name__ == "__main__":
    main()
