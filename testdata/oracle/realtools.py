"""Run the real tools the way the engine oracles record them (python3 stdlib only; run as root).

Every command runs as the real user `student`, with `env -i LANG=C.UTF-8 PATH=/usr/bin:/bin
HOME=/home/student`, in a fresh empty scratch directory, stdin from the given bytes, stdout and
stderr captured separately (pipes, never a terminal).

Strings in the oracle files are byte strings: one character per byte (ISO-8859-1), the same
convention the engines use, so any output -- invalid UTF-8 included -- survives JSON exactly.
"""
import json
import os
import shutil
import subprocess
import tempfile

USER = "student"
ENV = ["LANG=C.UTF-8", "PATH=/usr/bin:/bin", "HOME=/home/student"]


def run(argv, stdin=b"", extra_env=(), timeout=10, setup=None):
    """Runs argv as student in a scratch dir; returns (stdout bytes, stderr bytes, status).
    setup(scratch), if given, prepares the directory first (as root)."""
    if os.geteuid() != 0:
        raise SystemExit("run me as root: the real tools run as the user %s" % USER)
    scratch = tempfile.mkdtemp(prefix="engine-oracle-")
    shutil.chown(scratch, USER, USER)
    try:
        if setup:
            setup(scratch)
        cmd = ["setpriv", "--reuid=" + USER, "--regid=" + USER, "--init-groups",
               "env", "-i", *ENV, *extra_env, *argv]
        p = subprocess.run(cmd, input=stdin, capture_output=True, cwd=scratch, timeout=timeout)
        return p.stdout, p.stderr, p.returncode
    finally:
        shutil.rmtree(scratch)


def b2s(data):
    """Bytes to a byte string (one char per byte)."""
    return data.decode("latin-1")


def s2b(text):
    return text.encode("latin-1")


def read_cases(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_cases(path, cases, changed_report=None):
    with open(path, "w", encoding="utf-8") as f:
        for case in cases:
            f.write(json.dumps(case, ensure_ascii=True) + "\n")


def report(old, new, output_keys):
    """Prints which recorded outputs changed; returns how many."""
    changed = 0
    for o, n in zip(old, new):
        diffs = [k for k in output_keys if o.get(k) != n.get(k)]
        if diffs:
            changed += 1
            print("changed %s: %s" % (n.get("id"), ", ".join(diffs)))
    print("%d cases, %d changed" % (len(new), changed))
    return changed
