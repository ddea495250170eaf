#!/usr/bin/python3
"""Two or more installed kernelspecs side by side, interleaved so that a loaded machine slows
them alike (issue 20: JVM options before/after): the CPU time of a kernel's whole life from
launch to `kernel_info_reply` to exit (median of --starts launches), then round trips of `echo hi`
and of a traced `cat /etc/motd`, one cell on each kernel in turn (median and p95). Which kernel
goes first changes every round.

    JUPYTER_PATH=... /usr/bin/python3 bench/trace/ab.py syssim-before syssim [--starts 12]

A kernelspec to compare is a copy of an installed one's folder (e.g. `install/install.sh --prefix
build/bench-kernel`, then build/bench-kernel/share/jupyter/kernels/syssim copied to syssim-before)
with the JVM options in its kernel.json's argv edited.
"""

import argparse
import resource
import statistics
import time

from jupyter_client.manager import start_new_kernel

CELLS = [("echo hi", "echo hi", 300), ("traced", "%trace full\ncat /etc/motd\n%trace off", 100)]
WARMUP = 20


def children_cpu_ms():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (usage.ru_utime + usage.ru_stime) * 1000


def rotated(names, round_number):
    k = round_number % len(names)
    return names[k:] + names[:k]


def start_cpu(names, starts):
    cpu = {name: [] for name in names}
    for round_number in range(starts):
        for name in rotated(names, round_number):
            before = children_cpu_ms()
            km, kc = start_new_kernel(kernel_name=name, startup_timeout=60)
            kc.stop_channels()
            km.shutdown_kernel(now=False)
            cpu[name].append(children_cpu_ms() - before)
    for name in names:
        print(f"{name:16} start: CPU of the whole life, median {statistics.median(cpu[name]):6.0f} ms ({starts} launches)")


def round_trips(names):
    kernels = {name: start_new_kernel(kernel_name=name) for name in names}
    try:
        for label, code, runs in CELLS:
            times = {name: [] for name in names}
            for round_number in range(WARMUP + runs):
                for name in rotated(names, round_number):
                    started = time.perf_counter()
                    reply = kernels[name][1].execute_interactive(code, timeout=60, output_hook=lambda msg: None)
                    assert reply["content"]["status"] == "ok", reply["content"]
                    if round_number >= WARMUP:
                        times[name].append((time.perf_counter() - started) * 1000)
            for name in names:
                t = sorted(times[name])
                print(f"{name:16} {label:8} round trip median {statistics.median(t):6.2f} ms  p95 {t[int(0.95 * len(t))]:6.2f} ms")
    finally:
        for km, _ in kernels.values():
            km.shutdown_kernel(now=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("kernels", nargs="+")
    parser.add_argument("--starts", type=int, default=12)
    args = parser.parse_args()
    start_cpu(args.kernels, args.starts)
    round_trips(args.kernels)
