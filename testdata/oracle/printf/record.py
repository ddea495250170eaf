#!/usr/bin/env python3
"""Re-records testdata/oracle/printf/cases.jsonl from the real tools (run as root, python3 stdlib).

A case runs `tool` ("printf" or "echo") of one `dialect` with the words `args` after the command
name, with TZ=UTC (for bash's %(fmt)T):
  bash       bash --norc --noprofile -c 'printf "$@"' bash ARGS   (messages: "bash: line 1: printf: ")
             with -v in ARGS, the variable is printed afterwards as <v=...>
  dash       dash -c 'printf "$@"' sh ARGS                        (messages: "sh: 1: printf: ")
  coreutils  printf ARGS, found in PATH as /usr/bin/printf         (messages: "printf: ")
Recorded: stdout, stderr, rc (byte strings, one char per byte). To add a case append a line with
id/tool/dialect/args and run this script.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import realtools  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases.jsonl")
INPUTS = ("id", "tool", "dialect", "args")


def argv(case):
    tool, dialect, args = case["tool"], case["dialect"], case["args"]
    if dialect == "bash":
        script = tool + ' "$@"'
        if tool == "printf" and "-v" in "".join(args[:1]):
            script = 'printf "$@"; s=$?; [[ -v v ]] && printf "<v=%s>" "$v"; exit $s'
        return ["bash", "--norc", "--noprofile", "-c", script, "bash", *args]
    if dialect == "dash":
        return ["dash", "-c", tool + ' "$@"', "sh", *args]
    return [tool, *args]


def record(case):
    out, err, rc = realtools.run([realtools.s2b(a) for a in argv(case)], extra_env=["TZ=UTC"])
    result = {k: case[k] for k in INPUTS}
    result["stdout"] = realtools.b2s(out)
    result["stderr"] = realtools.b2s(err)
    result["rc"] = rc
    return result


def main():
    old = realtools.read_cases(CASES)
    new = [record(c) for c in old]
    realtools.report(old, new, ("stdout", "stderr", "rc"))
    realtools.write_cases(CASES, new)


if __name__ == "__main__":
    main()
