#!/usr/bin/env python3
"""Re-records testdata/oracle/fnmatch/cases.jsonl from real bash (run as root, python3 stdlib).

A case is a pattern and a string matched by real bash 5.2 in C.UTF-8, in one of these modes:
  dbracket  [[ $s == $p ]]            (extglob always on; "nocasematch": true for shopt -s nocasematch)
  case      case $s in $p) ...        ("extglob": true for shopt -s extglob; "nocasematch")
  glob      the files `files` are created in the scratch dir, then `for f in $p` with nullglob
            ("dotglob", "extglob", "nocaseglob")
  remove    ${s#$p}, ${s##$p}, ${s%$p} or ${s%%$p} ("op"; "extglob")
Recorded: `out` (0/1 for a match test, the matched names one per line, or the remaining string)
and `err`. Pattern and string are byte strings (one char per byte); the script gets them in $'...'
with \\xHH escapes. To add a case append a line with its inputs and run this script.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import realtools  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases.jsonl")
INPUTS = ("id", "mode", "pattern", "string", "files", "op", "extglob", "nocasematch", "dotglob", "nocaseglob")


def ansi(text):
    """A byte string as bash's $'...' with every byte that is not a letter or digit as \\xHH."""
    return "$'" + "".join(c if c.isascii() and c.isalnum() else "\\x%02x" % ord(c) for c in text) + "'"


def script(case):
    lines = ["p=" + ansi(case["pattern"])]
    if "string" in case:
        lines.append("s=" + ansi(case["string"]))
    for opt in ("extglob", "nocasematch", "dotglob", "nocaseglob"):
        if case.get(opt):
            lines.append("shopt -s " + opt)
    mode = case["mode"]
    if mode == "dbracket":
        lines.append('[[ $s == $p ]]; echo $?')
    elif mode == "case":
        lines.append('case $s in $p) echo 0 ;; *) echo 1 ;; esac')
    elif mode == "glob":
        for name in case["files"]:
            lines.append(": > " + ansi(name))
        lines.append("shopt -s nullglob; IFS=")
        lines.append('for f in $p; do printf "%s\\n" "$f"; done')
    elif mode == "remove":
        lines.append('printf %%s "${s%s$p}"' % case["op"])
    return "\n".join(lines) + "\n"


def record(case):
    out, err, rc = realtools.run(["bash", "--norc", "--noprofile"], stdin=realtools.s2b(script(case)))
    result = {k: case[k] for k in INPUTS if k in case}
    result["out"] = realtools.b2s(out)
    result["err"] = realtools.b2s(err)
    return result


def main():
    old = realtools.read_cases(CASES)
    new = [record(c) for c in old]
    realtools.report(old, new, ("out", "err"))
    realtools.write_cases(CASES, new)


if __name__ == "__main__":
    main()
