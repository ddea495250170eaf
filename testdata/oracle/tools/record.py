#!/usr/bin/env python3
"""Re-record the tool cases on the real machine (run as root on Debian 12).

Each case of testdata/oracle/tools/*.jsonl (or the files given) runs in a fresh, empty scratch
directory /tmp/toolcase owned by the user `student`, as that user, with exactly the environment
below (plus the case's "env"), stdin from the case ("stdin", or "stdin_b64" for bytes; else
/dev/null), stdout and stderr captured apart (pipes, never a terminal). A case is either
"script" (run by `bash --norc --noprofile -c SCRIPT`) or "argv" (executed directly). The recorder
rewrites "stdout"/"stderr" (or "stdout_b64"/"stderr_b64" when the bytes are not UTF-8) and "rc",
keeps every other field, and prints the ids whose record changed.

    python3 testdata/oracle/tools/record.py                 # every file
    python3 testdata/oracle/tools/record.py text.jsonl      # one file
"""
import base64, json, os, pathlib, shutil, subprocess, sys

HERE = pathlib.Path(__file__).resolve().parent
SCRATCH = "/tmp/toolcase"
USER = "student"
ENV = {
    "HOME": "/home/student", "LANG": "C.UTF-8", "LOGNAME": "student",
    "PATH": "/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games",
    "PWD": SCRATCH, "SHELL": "/bin/bash", "TERM": "dumb", "USER": "student",
}


def put_bytes(case, key, data):
    case.pop(key, None)
    case.pop(key + "_b64", None)
    try:
        case[key] = data.decode("utf-8")
    except UnicodeDecodeError:
        case[key + "_b64"] = base64.b64encode(data).decode("ascii")


def stdin_of(case):
    if "stdin_b64" in case:
        return base64.b64decode(case["stdin_b64"])
    if "stdin" in case:
        return case["stdin"].encode("utf-8")
    return None


def run(case):
    shutil.rmtree(SCRATCH, ignore_errors=True)
    os.mkdir(SCRATCH)
    shutil.chown(SCRATCH, USER, USER)
    env = dict(ENV, **case.get("env", {}))
    if "argv" in case:
        argv = case["argv"]
    else:
        argv = ["bash", "--norc", "--noprofile", "-c", case["script"]]
    command = ["runuser", "-u", USER, "--", "env", "-i"] + [k + "=" + v for k, v in sorted(env.items())] + argv
    data = stdin_of(case)
    p = subprocess.run(command, cwd=SCRATCH, input=data if data is not None else None,
                       stdin=None if data is not None else subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=20)
    return p.stdout, p.stderr, p.returncode


def main():
    files = [HERE / f for f in sys.argv[1:]] or sorted(HERE.glob("*.jsonl"))
    for path in files:
        cases = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        changed = []
        for case in cases:
            before = json.dumps(case, sort_keys=True)
            out, err, rc = run(case)
            put_bytes(case, "stdout", out)
            put_bytes(case, "stderr", err)
            case["rc"] = rc
            if json.dumps(case, sort_keys=True) != before:
                changed.append(case["id"])
        path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases))
        print(f"{path.name}: {len(cases)} cases, {len(changed)} changed" + (": " + ", ".join(changed) if changed else ""))
    shutil.rmtree(SCRATCH, ignore_errors=True)


if __name__ == "__main__":
    main()
