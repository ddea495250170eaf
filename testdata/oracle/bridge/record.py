#!/usr/bin/env python3
"""Re-record the bridge cases on a real Debian 12 machine (iproute2 6.1; run as root).

Each case of cases.jsonl runs as root in a new, empty network namespace (`unshare -n`: only a
`lo` that is down, so interface indexes start at 2 and nothing of the recording machine shows),
with bash and the environment below, stdout and stderr apart. Every MAC address is given in the
case (a new bridge or veth otherwise gets a random one). Timers that count down are replaced by
`X` in the case's own script. The recorder rewrites "stdout", "stderr" and "rc" and prints the
ids that changed.

    python3 testdata/oracle/bridge/record.py
"""
import json, pathlib, subprocess

HERE = pathlib.Path(__file__).resolve().parent
ENV = {"HOME": "/root", "LANG": "C.UTF-8", "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM": "dumb"}


def run(case):
    command = ["env", "-i"] + [k + "=" + v for k, v in sorted(ENV.items())] + [
        "unshare", "-n", "bash", "--norc", "--noprofile", "-c", case["script"]]
    p = subprocess.run(command, cwd="/", stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=30)
    return p.stdout.decode(), p.stderr.decode(), p.returncode


def main():
    path = HERE / "cases.jsonl"
    cases = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    changed = []
    for case in cases:
        before = json.dumps(case, sort_keys=True)
        case["stdout"], case["stderr"], case["rc"] = run(case)
        if json.dumps(case, sort_keys=True) != before:
            changed.append(case["id"])
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases))
    print(f"{path.name}: {len(cases)} cases, {len(changed)} changed" + (": " + ", ".join(changed) if changed else ""))


if __name__ == "__main__":
    main()
