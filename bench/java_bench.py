"""Java cells' costs, measured through a pyzmq client with jupyter_client's Session (as kernel_bench.py).

Per kernelspec (syssim with `%%java` cells, syssim-java whose cells are Java):
  first Java cell   launch -> kernel_info_reply -> the first Java cell (`1 + 1`) -> its reply and idle:
                    the cell's own time, JShell's start included (median over --starts launches)
  RSS               resident memory after that first Java cell
  CPU               the kernel process's user + system CPU time (all its threads) for that cell: on a
                    shared machine wall times grow with the load, CPU times much less
Then on one kernel of each, after --warmup cells:
  round trip        a trivial Java cell (`1 + 1`) -> reply and idle, median and p95 over --cells cells,
                    and the same for a declaration (`int x = 1;`) and a shell line (`sh.run("echo hi")`),
                    each with its mean CPU time per cell; and the trivial cell's mean CPU time over the
                    first and the last tenth of the cells (whether a cell costs more after many)

Usage: python bench/java_bench.py [--kernels syssim syssim-java] [--starts 10] [--cells 200] [--warmup 20]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time

import psutil
import zmq
from jupyter_client.kernelspec import KernelSpecManager

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kernel_bench import Kernel, percentile  # noqa: E402

CELLS = {
    "syssim": {"trivial": "%%java\n1 + 1", "declaration": "%%java\nint x = 1;", "shell line": '%%java\nsh.run("echo hi")'},
    "syssim-java": {"trivial": "1 + 1", "declaration": "int x = 1;", "shell line": 'sh.run("echo hi")'},
}


def cpu_s(kernel):
    times = psutil.Process(kernel.proc.pid).cpu_times()
    return times.user + times.system


def timed(kernel, code, cpu=None):
    """Seconds from execute_request to reply and idle; adds the kernel's CPU seconds to cpu[0] if given."""
    c0 = cpu_s(kernel) if cpu is not None else 0
    t0 = time.perf_counter()
    reply = kernel.execute(code)
    elapsed = time.perf_counter() - t0
    if cpu is not None:
        cpu[0] += cpu_s(kernel) - c0
    assert reply["content"]["status"] == "ok", reply["content"]
    return elapsed


def measure(name, ctx, workdir, starts, cells, warmup):
    spec = KernelSpecManager().get_kernel_spec(name)
    kernel = Kernel(ctx, spec, workdir)
    codes = CELLS.get(name, CELLS["syssim"])  # another kernelspec (a variant to compare) runs %%java cells
    first, first_cpu, rss = [], [], []
    for _ in range(starts):
        kernel.launch()
        cpu = [0.0]
        first.append(timed(kernel, codes["trivial"], cpu))
        first_cpu.append(cpu[0])
        rss.append(kernel.rss_mb())
        kernel.shutdown()

    kernel.launch()
    for _ in range(warmup):
        timed(kernel, codes["trivial"])
    trips = {kind: [] for kind in codes}
    cpus = {kind: [0.0] for kind in codes}
    trivial_cpu = []
    for _ in range(cells):
        for kind, code in codes.items():
            before = cpus[kind][0]
            trips[kind].append(timed(kernel, code, cpus[kind]))
            if kind == "trivial":
                trivial_cpu.append(cpus[kind][0] - before)
    rss_after = kernel.rss_mb()
    kernel.shutdown()

    ms = lambda s: s * 1000  # noqa: E731
    row = {
        "kernel": name,
        "first Java cell median (ms)": ms(statistics.median(first)),
        "first Java cell p95 (ms)": ms(percentile(first, 0.95)),
        "first Java cell CPU, median (ms)": ms(statistics.median(first_cpu)),
        "RSS after the first Java cell (MB)": statistics.median(rss),
    }
    for kind in codes:
        row[f"{kind} round trip median (ms)"] = ms(statistics.median(trips[kind]))
        row[f"{kind} round trip p95 (ms)"] = ms(percentile(trips[kind], 0.95))
        row[f"{kind} CPU per cell, mean (ms)"] = ms(cpus[kind][0] / cells)
    # does a cell cost more the more cells came before it? (JShell kept every snippet's class for javac)
    tenth = max(1, cells // 10)
    row["trivial CPU per cell, first tenth of the cells, mean (ms)"] = ms(statistics.mean(trivial_cpu[:tenth]))
    row["trivial CPU per cell, last tenth of the cells, mean (ms)"] = ms(statistics.mean(trivial_cpu[-tenth:]))
    row[f"RSS after {warmup + 3 * cells} Java cells (MB)"] = rss_after
    return row


def table(rows):
    keys = [k for k in rows[0] if k != "kernel"]
    lines = ["| | " + " | ".join(r["kernel"] for r in rows) + " |", "|---|" + "---:|" * len(rows)]
    for key in keys:
        lines.append(f"| {key} | " + " | ".join(f"{r[key]:.1f}" for r in rows) + " |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kernels", nargs="+", default=["syssim", "syssim-java"])
    parser.add_argument("--starts", type=int, default=10)
    parser.add_argument("--cells", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--out", help="also write the Markdown table here")
    args = parser.parse_args()
    ctx = zmq.Context()
    with tempfile.TemporaryDirectory() as workdir:
        rows = [measure(name, ctx, workdir, args.starts, args.cells, args.warmup) for name in args.kernels]
    ctx.term()
    result = table(rows)
    print(result)
    if args.out:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w") as f:
            f.write(result + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
