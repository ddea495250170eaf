"""The same notebook executed twice, each time in a new kernel process, gives byte-identical
outputs, so handouts diff cleanly in git. Two JVMs differ in what a Java program must not let reach
an output: iteration order of Set.of/Map.of (salted per JVM run), identity hash codes, the wall
clock. Only the outputs are compared; the cells' metadata holds nbclient's execution timestamps.
"""

import difflib

import pytest

from handout_support import ALL_NOTEBOOKS, canonical_outputs, code_cells, execute, executed, notebook_id


def first_difference(a, b):
    diff = difflib.unified_diff(a.splitlines(), b.splitlines(), "first run", "second run", n=1, lineterm="")
    return "\n".join(list(diff)[:40])


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=[notebook_id(p) for p in ALL_NOTEBOOKS])
def test_two_runs_give_byte_identical_outputs(path):
    first = code_cells(executed(path))
    second = code_cells(execute(path))
    assert len(first) == len(second)
    for index, (a, b) in enumerate(zip(first, second)):
        one, two = canonical_outputs(a), canonical_outputs(b)
        assert one == two, f"code cell {index} ({a.source.splitlines()[0]!r}) differs:\n{first_difference(one, two)}"

