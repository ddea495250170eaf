#!/usr/bin/env python3
"""Records what real bash (and dash) print for the cases of cases.jsonl.

Run as root on a Debian 12 machine with bash 5.2.15 and dash 0.5.12 (see README.md):

    testdata/oracle/bash/record.py                  re-record every case, report what changed
    testdata/oracle/bash/record.py --only ID ...    re-record some cases
    testdata/oracle/bash/record.py --add NEW.txt    append the cases written in NEW.txt, record them
    testdata/oracle/bash/record.py --check          record twice into memory, report unstable cases
    testdata/oracle/bash/record.py --cases F.jsonl  work on another corpus file of the same format

Each case runs as the user `student` in a fresh, empty scratch directory /tmp/bashcase, with
exactly the environment below, umask 022, in a new session (no controlling terminal), stdin
/dev/null or a pipe holding the case's `stdin`, stdout and stderr two pipes read to their end.
Python standard library only.
"""

import argparse
import base64
import json
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import threading

SCRATCH = "/tmp/bashcase"
USER = "student"
ENV = {
    "HOME": "/home/student",
    "LANG": "C.UTF-8",
    "LOGNAME": "student",
    "PATH": "/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games",
    "PWD": SCRATCH,
    "SHELL": "/bin/bash",
    "TERM": "dumb",
    "USER": "student",
}
MODES = ("c", "file", "stdin", "sh")
TIMEOUT = 10
HERE = os.path.dirname(os.path.abspath(__file__))
KEY_ORDER = ("id", "mode", "script", "stdin", "stdout", "stdout_base64", "stderr", "stderr_base64", "rc", "note")


def argv_of(case):
    """The command line of a case, as the shell under test receives it."""
    mode = case["mode"]
    if mode == "c":
        return ["bash", "--norc", "--noprofile", "-c", case["script"]]
    if mode == "file":
        return ["bash", "--norc", "--noprofile", "t.sh"]
    if mode == "stdin":
        return ["bash", "--norc", "--noprofile"]
    return ["sh", "-c", case["script"]]


def fresh_scratch(user):
    """An empty /tmp/bashcase owned by the user, mode 0755, as a fresh mkdir would leave it."""
    shutil.rmtree(SCRATCH, ignore_errors=True)
    if os.path.lexists(SCRATCH):
        # Something the student made unremovable by root's rmtree (e.g. a chattr): give up loudly.
        raise SystemExit(f"cannot remove {SCRATCH}")
    os.mkdir(SCRATCH, 0o755)
    os.chmod(SCRATCH, 0o755)
    os.chown(SCRATCH, user.pw_uid, user.pw_gid)


def run_case(case, user):
    """Runs one case in the real shell; returns (stdout bytes, stderr bytes, rc) or raises TimeoutError."""
    fresh_scratch(user)
    stdin_data = None
    if case["mode"] == "file":
        path = os.path.join(SCRATCH, "t.sh")
        with open(path, "w", encoding="utf-8") as f:
            f.write(case["script"])
        os.chmod(path, 0o644)
        os.chown(path, user.pw_uid, user.pw_gid)
    if case["mode"] == "stdin":
        stdin_data = case["script"].encode()
    elif "stdin" in case:
        stdin_data = case["stdin"].encode()
    # setpriv, not Popen(user=...): the exact recipe the README gives, and it drops every capability.
    command = ["/usr/bin/setpriv", "--reuid=" + USER, "--regid=" + USER, "--init-groups", "--"] + argv_of(case)
    # The pipes belong to the student, as those of a pipeline the student's own shell set up: a
    # root-owned pipe (mode 0600) could not be reopened through /dev/stdout by the student.
    pipes = [student_pipe(user) for _ in range(3 if stdin_data is not None else 2)]
    out_pipe, err_pipe = pipes[0], pipes[1]
    in_pipe = pipes[2] if stdin_data is not None else None
    proc = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL if in_pipe is None else in_pipe[0],
        stdout=out_pipe[1],
        stderr=err_pipe[1],
        cwd=SCRATCH,
        env=ENV,
        umask=0o022,
        start_new_session=True,
        close_fds=True,
        restore_signals=True,
    )
    os.close(out_pipe[1])
    os.close(err_pipe[1])
    readers = [Drain(out_pipe[0]), Drain(err_pipe[0])]
    if in_pipe is not None:
        os.close(in_pipe[0])
        feeder = threading.Thread(target=feed, args=(in_pipe[1], stdin_data), daemon=True)
        feeder.start()
    try:
        for reader in readers:
            reader.join(TIMEOUT)
            if reader.is_alive():
                raise TimeoutError(case["id"])
        proc.wait(TIMEOUT)
    except (TimeoutError, subprocess.TimeoutExpired):
        kill_session(proc.pid)
        proc.wait()
        raise TimeoutError(case["id"])
    finally:
        kill_session(proc.pid)
    out, err = readers[0].data, readers[1].data
    rc = proc.returncode
    if rc < 0:
        rc = 128 - rc  # killed by a signal: the status a parent shell shows as $?
    return out, err, rc


def student_pipe(user):
    read_end, write_end = os.pipe()
    for fd in (read_end, write_end):
        os.fchown(fd, user.pw_uid, user.pw_gid)
    return read_end, write_end


class Drain(threading.Thread):
    """Reads a pipe to its end (every writer gone), as communicate() would."""

    def __init__(self, fd):
        super().__init__(daemon=True)
        self.fd = fd
        self.data = b""
        self.start()

    def run(self):
        chunks = []
        while True:
            chunk = os.read(self.fd, 65536)
            if not chunk:
                break
            chunks.append(chunk)
        os.close(self.fd)
        self.data = b"".join(chunks)


def feed(fd, data):
    """Writes the case's stdin and closes the pipe; a shell that stops reading early is fine."""
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except BrokenPipeError:
        pass
    finally:
        os.close(fd)


def kill_session(pgid):
    """Background jobs a case left behind are in its process group (no job control): end them."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def put_output(record, name, data):
    """Valid UTF-8 is kept as text (readable in review); anything else as base64."""
    record.pop(name, None)
    record.pop(name + "_base64", None)
    try:
        record[name] = data.decode("utf-8")
    except UnicodeDecodeError:
        record[name + "_base64"] = base64.b64encode(data).decode("ascii")


def output_of(record, name):
    if name + "_base64" in record:
        return base64.b64decode(record[name + "_base64"])
    return record.get(name, "").encode("utf-8")


def ordered(record):
    keys = [k for k in KEY_ORDER if k in record] + sorted(k for k in record if k not in KEY_ORDER)
    return {k: record[k] for k in keys}


def load(path):
    cases = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                case = json.loads(line)
                validate(case, f"{path}:{number}")
                cases.append(case)
    ids = [c["id"] for c in cases]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise SystemExit(f"{path}: duplicate ids: {', '.join(duplicates)}")
    return cases


def validate(case, where):
    for key in ("id", "mode", "script"):
        if key not in case:
            raise SystemExit(f"{where}: missing {key}")
    if case["mode"] not in MODES:
        raise SystemExit(f"{where}: mode must be one of {MODES}")
    if case["mode"] == "stdin" and "stdin" in case:
        raise SystemExit(f"{where}: mode stdin reads the script from stdin; it cannot have its own stdin")


def save(path, cases):
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(path)), prefix=".cases.")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        for case in cases:
            f.write(json.dumps(ordered(case), ensure_ascii=False) + "\n")
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def parse_text(path):
    """Cases written as text blocks (easier to write than JSON):

        %%% ID [MODE]            MODE is c (default), file, stdin or sh
        --- note: free text      (optional, anywhere in the block)
        script lines ...
        --- stdin                (optional; `--- stdin -n`: no newline after the last line)
        stdin lines ...

    Trailing blank lines of each part are dropped. A script for `c` and `sh` has no final
    newline (it is one argument of -c); a script for `file` and `stdin` ends with one, as a
    file does. Stdin ends with a newline unless `-n` is given.
    """
    cases = []
    current = None
    part = None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for line in lines:
        if line.startswith("%%% "):
            words = line[4:].split()
            current = {"id": words[0], "mode": words[1] if len(words) > 1 else "c", "_script": [], "_stdin": None}
            part = "_script"
            cases.append(current)
        elif current is None:
            continue
        elif line.startswith("--- note: "):
            current["note"] = line[len("--- note: "):]
        elif line in ("--- stdin", "--- stdin -n"):
            current["_stdin"] = []
            current["_stdin_nl"] = line == "--- stdin"
            part = "_stdin"
        else:
            current[part].append(line)
    out = []
    for c in cases:
        script = "\n".join(strip_blank_tail(c["_script"]))
        if c["mode"] in ("file", "stdin"):
            script += "\n"
        case = {"id": c["id"], "mode": c["mode"], "script": script}
        if c["_stdin"] is not None:
            case["stdin"] = "\n".join(strip_blank_tail(c["_stdin"])) + ("\n" if c["_stdin_nl"] else "")
        if "note" in c:
            case["note"] = c["note"]
        validate(case, f"{path}: {c['id']}")
        out.append(case)
    return out


def strip_blank_tail(lines):
    lines = list(lines)
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def describe_change(old, new):
    for name in ("stdout", "stderr"):
        a, b = output_of(old, name), output_of(new, name)
        if a != b:
            return f"{name}: {a[:80]!r} -> {b[:80]!r}"
    if old.get("rc") != new.get("rc"):
        return f"rc: {old.get('rc')} -> {new.get('rc')}"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", default=os.path.join(HERE, "cases.jsonl"))
    parser.add_argument("--add", metavar="TEXT", help="append the cases written in this text file, then record them")
    parser.add_argument("--only", nargs="+", metavar="ID", help="record only these cases")
    parser.add_argument("--check", action="store_true", help="record twice without saving; list unstable cases")
    args = parser.parse_args()
    if os.geteuid() != 0:
        raise SystemExit("run as root: each case runs as the user student via setpriv")
    user = pwd.getpwnam(USER)
    cases = load(args.cases) if os.path.exists(args.cases) else []
    selected = None
    if args.add:
        new = parse_text(args.add)
        known = {c["id"] for c in cases}
        clash = [c["id"] for c in new if c["id"] in known]
        if clash:
            raise SystemExit(f"ids already in {args.cases}: {', '.join(clash)}")
        cases.extend(new)
        selected = {c["id"] for c in new}
    if args.only:
        missing = set(args.only) - {c["id"] for c in cases}
        if missing:
            raise SystemExit(f"no such case: {', '.join(sorted(missing))}")
        selected = set(args.only)
    todo = [c for c in cases if selected is None or c["id"] in selected]
    changed, failed, unstable = [], [], []
    for case in todo:
        try:
            out, err, rc = run_case(case, user)
            if args.check:
                again = run_case(case, user)
                if again != (out, err, rc):
                    unstable.append(case["id"])
                continue
        except TimeoutError:
            failed.append(case["id"])
            continue
        before = dict(case)
        put_output(case, "stdout", out)
        put_output(case, "stderr", err)
        case["rc"] = rc
        if "rc" in before:
            change = describe_change(before, case)
            if change:
                changed.append(f"{case['id']}: {change}")
    shutil.rmtree(SCRATCH, ignore_errors=True)
    if args.check:
        print(f"{len(todo)} cases run twice; unstable: {len(unstable)}")
        for i in unstable:
            print("  " + i)
        return 1 if unstable or failed else 0
    if failed:
        # A case that never ends is a bad case: it is not saved (or keeps its old record).
        print(f"timed out after {TIMEOUT} s (not saved): {', '.join(failed)}", file=sys.stderr)
        cases = [c for c in cases if "rc" in c]
    save(args.cases, cases)
    print(f"recorded {len(todo) - len(failed)} of {len(todo)} cases into {args.cases}; changed: {len(changed)}")
    for line in changed:
        print("  " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
