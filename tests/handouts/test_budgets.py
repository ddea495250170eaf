"""Size budgets of trace outputs in the saved notebook file (issue 4: a typical cell's trace output
≤ 100 KB; even a 100,000-event trace, summarised, ≤ 300 KB; issue 20: a traced `cat /etc/motd` at
`full` ≤ 60 KB, all MIME types together), measured as nbformat writes the file. Sizes only: how
long rendering takes is a benchmark (bench/render, bench/trace), not a test.
"""

import os

import nbformat
from nbclient import NotebookClient

from handout_support import CELL_TIMEOUT, LECTURE, executed, output_bytes, output_dir, trace_outputs, traced_cells

TYPICAL_BUDGET = 100 * 1024
SUMMARISED_CAP = 300 * 1024


def lecture_trace_sizes():
    """(first line of the cell, bytes of its outputs, first line of its trace) for each traced cell."""
    rows = []
    for index, cell in traced_cells(executed(LECTURE)):
        header = trace_outputs(cell)[0]["data"]["text/plain"].splitlines()[0]
        rows.append((f"code cell {index}: " + " | ".join(cell.source.splitlines()), output_bytes(cell), header))
    report = "\n".join(f"{size / 1024:7.1f} KB  {source}  [{header}]" for source, size, header in rows)
    (output_dir("handouts") / "trace-output-sizes.txt").write_text(report + "\n", encoding="utf-8")
    print(report)
    return rows


def test_no_traced_cell_of_the_lecture_exceeds_the_cap_of_a_summarised_trace():
    """Every trace is summarised (at most --max events drawn one by one, the rest grouped), so no
    cell's outputs may grow past what the issue allows even a 100,000-event trace."""
    rows = lecture_trace_sizes()
    assert rows
    over = [(source, size) for source, size, _ in rows if size > SUMMARISED_CAP]
    assert not over, f"over {SUMMARISED_CAP // 1024} KB: {over}"


# A typical traced cell: one command, traced at the level a lecturer reaches for first. (The
# lecture's showcase cells trace whole stories at `full` across machines, 50-130 events; they are
# held to the cap above.)
TYPICAL_CELLS = [
    "%trace syscalls\ncat /etc/hostname",
    "%trace syscalls\nls /tmp",
    "%trace syscalls\necho hi > /tmp/x; wc -c /tmp/x",
    "%trace interrupts\ncat /etc/motd > /dev/null",
]


def test_a_typical_traced_cell_stays_within_100_kb():
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "syssim", "display_name": "SysSim", "language": "syssim"}
    nb.cells = [nbformat.v4.new_code_cell(source) for source in TYPICAL_CELLS]
    NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="syssim", allow_errors=False).execute()
    sizes = [(cell.source.replace("\n", " | "), output_bytes(cell)) for cell in nb.cells]
    print("\n".join(f"{size / 1024:7.1f} KB  {source}" for source, size in sizes))
    assert all(trace_outputs(cell) for cell in nb.cells), "every typical cell shows a trace"
    over = [(source, size) for source, size in sizes if size > TYPICAL_BUDGET]
    assert not over, f"over {TYPICAL_BUDGET // 1024} KB: {over}"


# Issue 20: what a lecture's traced cell costs a course's notebooks, with the formats a live kernel
# sends (SYSSIM_TRACE_FORMATS unset: text, HTML with the SVG image, JSON; no PNG).
MOTD_CELL = "%trace full\ncat /etc/motd"
MOTD_BUDGET = 60 * 1024


def test_a_traced_cat_of_motd_at_full_saves_at_most_60_kb_all_mime_types_together():
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "syssim", "display_name": "SysSim", "language": "syssim"}
    # the first run in a fresh world (cold caches: the disk's events too) and a second one, warm
    nb.cells = [nbformat.v4.new_code_cell(MOTD_CELL), nbformat.v4.new_code_cell(MOTD_CELL)]
    env = {name: value for name, value in os.environ.items() if name != "SYSSIM_TRACE_FORMATS"}
    NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="syssim", allow_errors=False).execute(env=env)
    for cell in nb.cells:
        (trace,) = trace_outputs(cell)
        assert "image/png" not in trace["data"], "a live kernel leaves the PNG out"
        parts = ", ".join(f"{mime} {mime_bytes(mime, value) / 1024:.1f}" for mime, value in trace["data"].items())
        print(f"{output_bytes(cell) / 1024:7.1f} KB  {trace['data']['text/plain'].splitlines()[0]} ({parts})")
    sizes = [output_bytes(cell) for cell in nb.cells]
    assert all(size <= MOTD_BUDGET for size in sizes), f"over {MOTD_BUDGET // 1024} KB: {sizes} bytes"


def mime_bytes(mime, value):
    """What one MIME type's value alone takes in a saved notebook."""
    output = nbformat.v4.new_output("display_data", data={mime: value})
    return output_bytes(nbformat.v4.new_code_cell("x", outputs=[output]))
