#!/usr/bin/env python3
"""Re-records testdata/oracle/test/cases.jsonl and fixture.json (run as root, python3 stdlib).

Every run happens in a scratch directory holding the same fixture: files of each kind with fixed
modes and times (see FIXTURE). fixture.json records what stat, lstat and access report for each
path the cases use, as the user student sees them -- ownership as booleans ("own": the file's uid
is student's) and identity as an id shared by hard links, never the machine's uids or inodes.

A case runs one `dialect`'s test (or `[` with "bracket": true) on the words `args`:
  bash       bash --norc --noprofile -c 'test "$@"' bash ARGS     (messages: "bash: line 1: test: ")
  dash       dash -c 'test "$@"' sh ARGS                          (messages: "sh: 1: test: ")
  coreutils  test ARGS, found in PATH (/usr/bin/test, /usr/bin/[)   (messages: "test: ")
Recorded: stdout, stderr, rc. To add a case append a line with id/dialect/bracket/args and run
this script.
"""
import json
import os
import socket
import stat
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import realtools  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases.jsonl")
FIXTURE_FILE = os.path.join(HERE, "fixture.json")
INPUTS = ("id", "dialect", "bracket", "args")
OLD, NEW = 1_000_000_000, 2_000_000_000
# name: (kind, mode, content or link target, atime, mtime, owner student?)
FIXTURE = {
    "f": ("file", 0o644, "abc", OLD, OLD, True), "e": ("file", 0o644, "", OLD, OLD, True),
    "d": ("dir", 0o755, None, OLD, OLD, True), "l": ("link", None, "f", None, None, True),
    "dl": ("link", None, "nosuch", None, None, True), "ld": ("link", None, "d", None, None, True),
    "p": ("fifo", 0o644, None, OLD, OLD, True), "x": ("file", 0o755, "#!/bin/sh\n", OLD, OLD, True),
    "nr": ("file", 0o000, "secret", OLD, OLD, True), "ro": ("file", 0o444, "ro", OLD, OLD, True),
    "su": ("file", 0o4755, "su", OLD, OLD, True), "sg": ("file", 0o2755, "sg", OLD, OLD, True),
    "st": ("dir", 0o1777, None, OLD, OLD, True), "s": ("socket", 0o755, None, OLD, OLD, True),
    "old": ("file", 0o644, "old", OLD, OLD, True), "new": ("file", 0o644, "new", NEW, NEW, True),
    "hl": ("hardlink", None, "f", None, None, True), "na": ("file", 0o644, "n", OLD, NEW, True),
    "rootf": ("file", 0o644, "root", OLD, OLD, False), "rootx": ("file", 0o700, "root", OLD, OLD, False),
}
SYSTEM = ["/dev/null", "/", "/etc/passwd", "nosuch", ""]


def setup(scratch):
    uid, gid = int(subprocess.check_output(["id", "-u", "student"])), int(subprocess.check_output(["id", "-g", "student"]))
    for name, (kind, mode, content, atime, mtime, own) in FIXTURE.items():
        path = os.path.join(scratch, name)
        if kind == "file":
            with open(path, "w") as f:
                f.write(content)
        elif kind == "dir":
            os.mkdir(path)
        elif kind == "link":
            os.symlink(content, path)
        elif kind == "hardlink":
            os.link(os.path.join(scratch, content), path)
        elif kind == "fifo":
            os.mkfifo(path)
        elif kind == "socket":
            s = socket.socket(socket.AF_UNIX)
            s.bind(path)
            s.close()
        if kind in ("link", "hardlink"):
            continue
        os.chown(path, uid if own else 0, gid if own else 0)
        os.chmod(path, mode)
        os.utime(path, ns=(atime * 10**9, mtime * 10**9))


# Run as student inside the scratch dir: what stat, lstat and access report, anonymised.
PROBE = r"""
import json, os, stat, sys
me_u, me_g = os.geteuid(), os.getegid()
ids, out = {}, {}
def kind(m):
    for t, f in (("REGULAR", stat.S_ISREG), ("DIRECTORY", stat.S_ISDIR), ("CHARACTER", stat.S_ISCHR),
                 ("BLOCK", stat.S_ISBLK), ("FIFO", stat.S_ISFIFO), ("SYMLINK", stat.S_ISLNK), ("SOCKET", stat.S_ISSOCK)):
        if f(m): return t
def info(st, local):
    key = (st.st_dev, st.st_ino)
    ids.setdefault(key, len(ids))
    r = {"type": kind(st.st_mode), "mode": st.st_mode & 0o7777, "size": st.st_size if local else min(st.st_size, 1),
         "own": st.st_uid == me_u, "group": st.st_gid == me_g, "id": ids[key]}
    if local:
        r["atime"], r["mtime"] = st.st_atime_ns, st.st_mtime_ns
    return r
for p in sys.argv[1:]:
    local = not p.startswith("/")
    e = {}
    for name, fn in (("stat", os.stat), ("lstat", os.lstat)):
        try: e[name] = info(fn(p), local)
        except OSError: e[name] = None
    e["access"] = {k: os.access(p, m, effective_ids=True) for k, m in (("r", os.R_OK), ("w", os.W_OK), ("x", os.X_OK))}
    out[p] = e
print(json.dumps(out, sort_keys=True))
"""


def argv(case):
    name = "[" if case.get("bracket") else "test"
    args = case["args"] + (["]"] if case.get("bracket") else [])
    if case["dialect"] == "bash":
        return ["bash", "--norc", "--noprofile", "-c", name + ' "$@"', "bash", *args]
    if case["dialect"] == "dash":
        return ["dash", "-c", name + ' "$@"', "sh", *args]
    return [name, *args]


def record(case):
    out, err, rc = realtools.run([realtools.s2b(a) for a in argv(case)], setup=setup)
    result = {k: case[k] for k in INPUTS if k in case}
    result["stdout"], result["stderr"], result["rc"] = realtools.b2s(out), realtools.b2s(err), rc
    return result


def main():
    out, err, rc = realtools.run(["python3", "-c", PROBE, *FIXTURE, *SYSTEM], setup=setup)
    if rc != 0:
        raise SystemExit(err.decode())
    with open(FIXTURE_FILE, "w") as f:
        json.dump(json.loads(out), f, indent=1, sort_keys=True)
        f.write("\n")
    old = realtools.read_cases(CASES)
    new = [record(c) for c in old]
    realtools.report(old, new, ("stdout", "stderr", "rc"))
    realtools.write_cases(CASES, new)


if __name__ == "__main__":
    main()
