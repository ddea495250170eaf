#!/usr/bin/env python3
"""Record what happens when a file system fills up (run as root on Debian 12).

Each case of cases.jsonl runs as root in a fresh tmpfs of the case's "size" (mount -o size=...)
mounted at /mnt/space, which is also the working directory, with the environment below; stdout and
stderr are pipes, captured apart. A case is a "script" run by `bash --norc --noprofile -c`. The
recorder rewrites "stdout", "stderr" and "rc", keeps every other field, and prints the ids whose
record changed. Scripts must not print anything of the recording machine (times, host names):
use dd's status=noxfer, df -k on the mount only.

    python3 testdata/oracle/space/record.py
"""
import json, os, pathlib, subprocess, sys

HERE = pathlib.Path(__file__).resolve().parent
MOUNT = "/mnt/space"
ENV = {
    "HOME": "/root", "LANG": "C.UTF-8", "LOGNAME": "root",
    "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "PWD": MOUNT, "SHELL": "/bin/bash", "TERM": "dumb", "USER": "root",
}


def run(case):
    os.makedirs(MOUNT, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=" + case["size"], "tmpfs", MOUNT], check=True)
    try:
        p = subprocess.run(["env", "-i"] + [k + "=" + v for k, v in sorted(ENV.items())]
                           + ["bash", "--norc", "--noprofile", "-c", case["script"]],
                           cwd=MOUNT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    finally:
        subprocess.run(["umount", MOUNT], check=True)
    return p.stdout.decode(), p.stderr.decode(), p.returncode


def main():
    path = HERE / "cases.jsonl"
    cases = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    changed = []
    for case in cases:
        out, err, rc = run(case)
        if (case.get("stdout"), case.get("stderr"), case.get("rc")) != (out, err, rc):
            changed.append(case["id"])
        case.update(stdout=out, stderr=err, rc=rc)
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases))
    print(f"{path.name}: {len(cases)} cases, {len(changed)} changed: {', '.join(changed)}")


if __name__ == "__main__":
    sys.exit(main())
