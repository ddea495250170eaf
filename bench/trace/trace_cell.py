#!/usr/bin/python3
"""What a traced cell costs a live kernel (issue 20): `cat /etc/motd` untraced and with
`%trace full`, warm, on an idle kernel, for the live formats (no SYSSIM_TRACE_FORMATS) and for
every format (SYSSIM_TRACE_FORMATS=all, as PDF handouts are made). Reports the median and p95 of
the round trip (execute_request -> reply and idle, through jupyter_client: the kernel's time plus a
zmq hop) and the bytes the cell's outputs take in the saved .ipynb, per MIME type and together.

Run with bench/trace/run.sh (installs the built kernel into a scratch prefix; JUPYTER_PATH).
"""

import os
import statistics
import sys

import nbformat
from jupyter_client.manager import start_new_kernel

WARMUP = 10
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 30
CELLS = [("untraced", "cat /etc/motd"), ("traced", "%trace full\ncat /etc/motd\n%trace off")]


def run(kc, code):
    outputs = []

    def keep(msg):
        if msg["msg_type"] in ("display_data", "stream", "execute_result"):
            outputs.append(nbformat.v4.output_from_msg(msg))

    import time
    start = time.perf_counter()
    reply = kc.execute_interactive(code, timeout=120, output_hook=keep)
    seconds = time.perf_counter() - start
    assert reply["content"]["status"] == "ok", reply["content"]
    return seconds, outputs


def saved_bytes(outputs):
    cell = nbformat.v4.new_code_cell("x", outputs=outputs)
    empty = nbformat.v4.new_code_cell("x")
    return (len(nbformat.writes(nbformat.v4.new_notebook(cells=[cell])).encode())
            - len(nbformat.writes(nbformat.v4.new_notebook(cells=[empty])).encode()))


def measure(formats):
    env = dict(os.environ)
    env.pop("SYSSIM_TRACE_FORMATS", None)
    if formats:
        env["SYSSIM_TRACE_FORMATS"] = formats
    km, kc = start_new_kernel(kernel_name="syssim", env=env)
    try:
        for name, code in CELLS:
            for _ in range(WARMUP):
                run(kc, code)
            times = []
            for _ in range(RUNS):
                seconds, outputs = run(kc, code)
                times.append(seconds * 1000)
            times.sort()
            p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
            label = formats or "live (text,html,json)"
            print(f"{label:22} {name:9} median {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms  "
                  f"saved {saved_bytes(outputs) / 1024:6.1f} KB")
            if name == "traced":
                for output in outputs:
                    for mime, value in output.get("data", {}).items():
                        one = nbformat.v4.new_output("display_data", data={mime: value})
                        print(f"{'':33}{mime:40} {saved_bytes([one]) / 1024:6.1f} KB")
    finally:
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    print(f"{RUNS} timed runs after {WARMUP} warm-up runs, one kernel per format setting")
    measure(None)
    measure("all")
