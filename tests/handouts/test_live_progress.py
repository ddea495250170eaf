"""A long simulation shows live progress through the real stack: a display_data with a display_id
(the progress line and recent events), update_display_data messages to the same display_id, the
last of them the final trace. A notebook saved by nbclient keeps only that final trace.

When the progress display appears is decided in simulated steps (100,000), so a cell of about
400,000 steps shows it on any machine; how many intermediate updates come depends on the wall clock
(a few per second at most) and is not asserted.
"""

import nbformat
import pytest
from jupyter_client.manager import start_new_kernel
from nbclient import NotebookClient

from handout_support import CELL_TIMEOUT, TRACE_JSON

# A program of about 80,000 loop iterations: some 400,000 simulated steps, a few syscalls.
PROGRAM = "%%program long\nset n 80000\ntop:\ncompute 1us\nset n $n - 1\njump top if $n > 0\nexit 0\n"
LONG_CELL = "%trace syscalls\nlong"


def iopub_until_idle(kc, msg_id):
    messages = []
    while True:
        msg = kc.get_iopub_msg(timeout=CELL_TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return messages


def run(kc, code):
    msg_id = kc.execute(code)
    messages = iopub_until_idle(kc, msg_id)
    reply = kc.get_shell_msg(timeout=CELL_TIMEOUT)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=CELL_TIMEOUT)
    assert reply["content"]["status"] == "ok", reply["content"]
    return messages


@pytest.fixture
def kernel():
    km, kc = start_new_kernel(kernel_name="syssim", startup_timeout=CELL_TIMEOUT)
    try:
        yield kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_long_cell_shows_progress_that_the_final_trace_replaces(kernel):
    run(kernel, PROGRAM)
    displays = [m for m in run(kernel, LONG_CELL) if m["msg_type"] in ("display_data", "update_display_data")]
    assert len(displays) >= 2, [m["msg_type"] for m in displays]

    first, *updates = displays
    assert first["msg_type"] == "display_data"
    display_id = first["content"].get("transient", {}).get("display_id")
    assert display_id, "the progress display needs a display_id to be updated"
    assert first["content"]["data"]["text/plain"].startswith("running long: ")
    assert TRACE_JSON not in first["content"]["data"]

    assert all(m["msg_type"] == "update_display_data" for m in updates), [m["msg_type"] for m in displays]
    assert all(m["content"]["transient"]["display_id"] == display_id for m in updates)
    final = updates[-1]["content"]["data"]
    assert TRACE_JSON in final and "text/html" in final
    assert 'execve("/usr/local/bin/long"' in final["text/plain"]
    for progress in updates[:-1]:
        assert progress["content"]["data"]["text/plain"].startswith("running long: ")


def test_saved_notebook_keeps_only_the_final_trace_of_a_long_cell():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(PROGRAM), nbformat.v4.new_code_cell(LONG_CELL)])
    nb.metadata.kernelspec = {"name": "syssim", "display_name": "SysSim", "language": "syssim"}
    NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="syssim", allow_errors=False).execute()

    outputs = nb.cells[1].outputs
    displays = [o for o in outputs if o.output_type in ("display_data", "update_display_data")]
    assert len(displays) == 1, [o.output_type for o in outputs]
    data = displays[0].data
    assert displays[0].output_type == "display_data"
    assert TRACE_JSON in data and "text/html" in data
    assert 'execve("/usr/local/bin/long"' in data["text/plain"]
    assert "running long" not in nbformat.writes(nb), "a progress display was left in the saved notebook"
