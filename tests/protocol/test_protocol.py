"""Kernel behaviours through the real Python client stack (jupyter_client), beyond the
conformance suite: interrupts, aborts after errors, shutdown and restart, bad signatures,
stdin, SIGINT. Cells that must run for a while use the simulated `yes`, which runs until
interrupted, and `read`, which asks for a line on stdin.
"""

import os
import signal
import subprocess
import sys

from jupyter_client.blocking import BlockingKernelClient
from jupyter_client.connect import write_connection_file
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.session import Session

from kernel_messages import TIMEOUT, iopub_until_idle, reply_to, round_trip_on_control

ENDLESS_CELL = "yes > /dev/null"
READ_CELL = 'read name\necho "hello $name"'


def wait_until_running(kc, msg_id):
    """Blocks until the kernel has announced the cell's input: it is now executing."""
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
            return


def test_interrupt_stops_a_running_cell_and_the_next_cell_runs(kernel):
    km, kc = kernel
    running = kc.execute(ENDLESS_CELL)
    wait_until_running(kc, running)
    km.interrupt_kernel()  # interrupt_mode "message": an interrupt_request on control
    reply = reply_to(kc, running)
    assert reply["content"]["status"] == "error"
    assert "interrupt" in (reply["content"]["ename"] + reply["content"]["evalue"]).lower()
    after = kc.execute("echo after", reply=True, timeout=TIMEOUT)
    assert after["content"]["status"] == "ok"


def test_an_error_with_stop_on_error_aborts_the_queued_cells(kernel):
    km, kc = kernel
    # Run All: the first cell is still running while the rest are queued behind it.
    running = kc.execute(ENDLESS_CELL)
    wait_until_running(kc, running)
    queued = [kc.execute("echo one"), kc.execute("echo two")]
    round_trip_on_control(kc)
    km.interrupt_kernel()
    assert reply_to(kc, running)["content"]["status"] == "error"
    for msg_id in queued:
        assert reply_to(kc, msg_id)["content"]["status"] == "aborted"
    assert kc.execute("echo later", reply=True, timeout=TIMEOUT)["content"]["status"] == "ok"


def test_shutdown_request_makes_the_process_exit_by_itself(kernel):
    km, kc = kernel
    process = km.provisioner.process
    msg_id = kc.shutdown()
    reply = reply_to(kc, msg_id, channel="control")
    assert reply["content"]["status"] == "ok"
    assert process.wait(timeout=TIMEOUT) == 0  # exited with 0, not killed by the client


def test_restart_gives_a_new_kernel_process_that_answers(kernel):
    km, kc = kernel
    old_pid = km.provisioner.process.pid
    km.restart_kernel(now=False)
    kc.wait_for_ready(timeout=TIMEOUT)
    assert km.provisioner.process.pid != old_pid
    assert kc.execute("echo back", reply=True, timeout=TIMEOUT)["content"]["status"] == "ok"


def test_messages_with_a_bad_signature_are_dropped_and_the_kernel_keeps_answering(kernel):
    km, kc = kernel
    forger = Session(key=b"not-the-key", signature_scheme="hmac-sha256")
    for _ in range(3):
        forger.send(kc.shell_channel.socket, forger.msg("execute_request", {"code": "echo forged"}))
    good = kc.kernel_info()
    reply_to(kc, good)  # the first reply answers the good request: the forged ones got none
    assert kc.execute("echo still here", reply=True, timeout=TIMEOUT)["content"]["status"] == "ok"


def test_every_message_carries_the_kernel_session_and_the_request_as_parent(kernel):
    km, kc = kernel
    msg_id = kc.execute("echo hi")
    reply = reply_to(kc, msg_id)
    published = iopub_until_idle(kc, msg_id)
    kernel_session = reply["header"]["session"]
    assert kernel_session != kc.session.session
    assert {m["header"]["session"] for m in published} == {kernel_session}
    assert [m["msg_type"] for m in published][:2] == ["status", "execute_input"]


def test_history_is_answered_right_after_start(kernel):
    # JupyterLab asks for history when it opens a console; a kernel that never answers stays "Unknown".
    km, kc = kernel
    reply = kc.history(hist_access_type="tail", n=10, output=False, raw=True, reply=True, timeout=TIMEOUT)
    assert reply["content"]["status"] == "ok"
    assert reply["content"]["history"] == []


def test_stdin_input_request_round_trip(kernel):
    km, kc = kernel
    msg_id = kc.execute(READ_CELL, allow_stdin=True)
    request = kc.get_stdin_msg(timeout=TIMEOUT)
    assert request["msg_type"] == "input_request"
    assert request["parent_header"]["msg_id"] == msg_id
    kc.input("Ada")
    assert reply_to(kc, msg_id)["content"]["status"] == "ok"
    text = "".join(m["content"]["text"] for m in iopub_until_idle(kc, msg_id) if m["msg_type"] == "stream")
    assert "hello Ada" in text


def test_reading_stdin_when_the_client_forbids_it_is_a_clear_error_not_a_hang(kernel):
    km, kc = kernel
    msg_id = kc.execute(READ_CELL, allow_stdin=False)  # as nbconvert runs cells
    reply = reply_to(kc, msg_id)
    assert reply["content"]["status"] == "error"
    assert "stdin" in (reply["content"]["evalue"] + "".join(reply["content"]["traceback"])).lower()


def test_sigint_does_not_kill_the_kernel(kernel):
    km, kc = kernel
    os.kill(km.provisioner.process.pid, signal.SIGINT)
    # The JVM runs signal handlers on a thread of its own, so the SIGINT may land while the next
    # cell already runs and interrupt it, as a Ctrl-C would; the kernel must live on either way.
    first = kc.execute("echo alive", reply=True, timeout=TIMEOUT)["content"]
    assert first["status"] == "ok" or first.get("ename") == "KeyboardInterrupt", first
    assert kc.execute("echo alive", reply=True, timeout=TIMEOUT)["content"]["status"] == "ok"
    assert km.is_alive()


def test_the_kernel_exits_when_the_process_that_launched_it_dies(tmp_path):
    # jupyter_client names itself in JPY_PARENT_PID; a stand-in parent is killed instead of the client.
    stand_in = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    connection, _ = write_connection_file(str(tmp_path / "kernel.json"))
    argv = [a.replace("{connection_file}", connection) for a in KernelSpecManager().get_kernel_spec("syssim").argv]
    kernel = subprocess.Popen(argv, env={**os.environ, "JPY_PARENT_PID": str(stand_in.pid)},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = BlockingKernelClient(connection_file=connection)
    try:
        client.load_connection_file()
        client.start_channels()
        client.wait_for_ready(timeout=TIMEOUT)  # serving, with its parent alive
        stand_in.kill()
        stand_in.wait()
        assert kernel.wait(timeout=TIMEOUT) == 0
    finally:
        client.stop_channels()
        stand_in.kill()
        kernel.kill()


def test_a_port_already_taken_ends_the_kernel_with_an_error_instead_of_hanging(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        connection, _ = write_connection_file(str(tmp_path / "kernel.json"), shell_port=taken.getsockname()[1])
        argv = [a.replace("{connection_file}", connection) for a in KernelSpecManager().get_kernel_spec("syssim").argv]
        kernel = subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT)
    assert kernel.returncode == 1
    assert "cannot start the kernel" in kernel.stderr
