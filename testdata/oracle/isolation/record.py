#!/usr/bin/env python3
"""Records the isolation cases (chroot, unshare, nsenter, ldd, busybox, cgroups) on real Debian 12.

Run as root: python3 testdata/oracle/isolation/record.py cases.jsonl
Each input line has an id and a shell_line (run by /bin/sh -c, as root, in /root, with the
environment below plus the case's env) or an argv; optional stdin ("devnull", "text" with
stdin_text) and "setup" (shell lines run first, their output ignored) and "cleanup".
The roots come from roots.sh, built anew before every case. The case gets stdout, stderr, rc.
Nothing of the recording machine may show: cases print no pids, uids, times or host names of
their own (the ones that would are in the shared oracle, masked there).
"""
import json, os, subprocess, sys

ENV = {"HOME": "/root", "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM": "dumb"}
HERE = os.path.dirname(os.path.abspath(__file__))

def run(case):
    subprocess.run(["sh", os.path.join(HERE, "roots.sh")], check=True)
    env = dict(ENV)
    env.update(case.get("env", {}))
    for line in case.get("setup", []):
        subprocess.run(["sh", "-c", line], env=env, cwd="/root", capture_output=True)
    stdin = subprocess.DEVNULL
    data = None
    if case.get("stdin") == "text":
        stdin = subprocess.PIPE
        data = case["stdin_text"].encode()
    argv = case["argv"] if "argv" in case else ["sh", "-c", case["shell_line"]]
    p = subprocess.run(argv, env=env, cwd="/root", stdin=stdin, input=data, capture_output=True, timeout=60)
    for line in case.get("cleanup", []):
        subprocess.run(["sh", "-c", line], env=env, cwd="/root", capture_output=True)
    out = dict(case)
    out["stdout"] = p.stdout.decode()
    out["stderr"] = p.stderr.decode()
    out["rc"] = p.returncode
    return out

def main(path):
    cases = [json.loads(l) for l in open(path) if l.strip()]
    with open(path, "w") as f:
        for c in cases:
            for k in ("stdout", "stderr", "rc"):
                c.pop(k, None)
            f.write(json.dumps(run(c), sort_keys=True) + "\n")

if __name__ == "__main__":
    main(sys.argv[1])
