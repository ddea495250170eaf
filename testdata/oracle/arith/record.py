#!/usr/bin/env python3
"""Re-records testdata/oracle/arith/cases.jsonl from real bash (run as root, python3 stdlib).

Each case gives an expression `expr` and the variables set before it (`vars` scalars, `arrays`
indexed arrays {index: value}, `assoc` associative arrays, `readonly` scalars, `declared` names
declared without a value, `nounset` for set -u). bash then evaluates the expression twice, in a
script read from stdin (so an error that discards a line discards only that line):

    ( echo "value=$(($e))" ); echo "status1=$?"     -- as an arithmetic expansion
    (($e)); echo "status2=$?"                       -- as the (( )) command, then the variables

Recorded: `stdout` and `stderr` of the whole script and its status `rc`, and `state`: each variable
named in the case afterwards (unset as null; kind scalar/indexed/assoc/declared with its value or
elements), when the script got that far. To add a case append a
line with id/expr (and setup) and run this script; it rewrites the outputs of every case.
"""
import os
import re
import shlex
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import realtools  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases.jsonl")
INPUTS = ("id", "expr", "vars", "arrays", "assoc", "readonly", "declared", "nounset")
NAME = re.compile(r"(?<![A-Za-z0-9_#@])[A-Za-z_][A-Za-z0-9_]*")


def names(case):
    """The variables whose final state is recorded: those named in the expression, and in the
    setup's names and values when the setup is small (a chain of 1,024 variables is not dumped)."""
    texts = [case["expr"]]
    setup = list(case.get("vars", {}).items()) + [(n, "") for n in case.get("arrays", {})] \
        + [(n, "") for n in case.get("assoc", {})] + list(case.get("readonly", {}).items()) \
        + [(n, "") for n in case.get("declared", [])]
    if len(setup) <= 10:
        for n, v in setup:
            texts += [n, v]
    found = []
    for text in texts:
        for n in NAME.findall(text):
            if n not in found and not n.startswith("__"):
                found.append(n)
    return found


# Prints each variable as NUL-separated fields: kind, name, then the value or the elements.
DUMP = r"""__dump() {
  if ! declare -p "$1" >/dev/null 2>&1; then printf 'unset\0%s\0' "$1"; return; fi
  local __t; __t=$(declare -p "$1"); __t=${__t#declare -}; __t=${__t%% *}
  local -n __ref=$1
  local __k
  case $__t in
    *A*) printf 'assoc\0%s\0%s\0' "$1" "${#__ref[@]}"
         for __k in "${!__ref[@]}"; do printf '%s\0%s\0' "$__k" "${__ref[$__k]}"; done ;;
    *a*) printf 'indexed\0%s\0%s\0' "$1" "${#__ref[@]}"
         for __k in "${!__ref[@]}"; do printf '%s\0%s\0' "$__k" "${__ref[$__k]}"; done ;;
    *) if [[ -v $1 ]]; then printf 'scalar\0%s\0%s\0' "$1" "$__ref"; else printf 'declared\0%s\0' "$1"; fi ;;
  esac
}
"""


def script(case):
    q = shlex.quote
    lines = [DUMP]
    for n, v in case.get("vars", {}).items():
        lines.append("%s=%s" % (n, q(v)))
    for n, elems in case.get("arrays", {}).items():
        lines.append("%s=(%s)" % (n, " ".join("[%s]=%s" % (k, q(v)) for k, v in elems.items())))
    for n, elems in case.get("assoc", {}).items():
        lines.append("declare -A %s=(%s)" % (n, " ".join("[%s]=%s" % (q(k), q(v)) for k, v in elems.items())))
    for n, v in case.get("readonly", {}).items():
        lines.append("readonly %s=%s" % (n, q(v)))
    for n in case.get("declared", []):
        lines.append("declare %s" % n)
    if case.get("nounset"):
        lines.append("set -u")
    lines.append("e=%s" % q(case["expr"]))
    lines.append('( echo "value=$(($e))" ); echo "status1=$?"')
    lines.append("echo '--' >&2")
    lines.append('(($e)); echo "status2=$?"')
    dumped = [n for n in names(case) if n != "e"]
    if dumped:
        lines.append("echo --state--; __dump " + "; __dump ".join(dumped))
    return "\n".join(lines) + "\n"


def state(raw):
    """The NUL-separated dump as {name: null | {"kind": ..., "value" | "elements": ...}}."""
    fields = raw.split(b"\0")
    result = {}
    i = 0
    while i < len(fields) - 1:
        kind, name = fields[i].decode(), realtools.b2s(fields[i + 1])
        i += 2
        if kind == "unset":
            result[name] = None
        elif kind == "declared":
            result[name] = {"kind": "declared"}
        elif kind == "scalar":
            result[name] = {"kind": "scalar", "value": realtools.b2s(fields[i])}
            i += 1
        else:
            count = int(fields[i])
            i += 1
            elements = {}
            for _ in range(count):
                elements[realtools.b2s(fields[i])] = realtools.b2s(fields[i + 1])
                i += 2
            result[name] = {"kind": kind, "elements": elements}
    return result


def record(case):
    out, err, rc = realtools.run(["bash", "--norc", "--noprofile"], stdin=realtools.s2b(script(case)))
    result = {k: case[k] for k in INPUTS if k in case}
    out, marker, raw = out.partition(b"--state--\n")
    result["stdout"] = realtools.b2s(out)
    if marker:
        result["state"] = state(raw)
    result["stderr"] = realtools.b2s(err)
    result["rc"] = rc
    return result


def main():
    old = realtools.read_cases(CASES)
    new = [record(c) for c in old]
    realtools.report(old, new, ("stdout", "stderr", "rc", "state"))
    realtools.write_cases(CASES, new)


if __name__ == "__main__":
    main()
