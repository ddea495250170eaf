"""Shell-cell start-up and memory of two kernelspecs, launches interleaved (A, B, A, B ...).

On a shared machine the load changes from minute to minute, so two kernels measured one after
the other (as kernel_bench.py does) differ by more than a change of the code can make. Here every
round launches each kernel once, in turn, and measures through a pyzmq client with
jupyter_client's Session (kernel_bench.Kernel):
  start        launch -> first kernel_info_reply (wall time)
  CPU          the process's user + system CPU time at that reply (less sensitive to load)
  RSS fresh    resident memory 0.5 s after that reply
  USS fresh    the part of it no other process maps (psutil's uss): RSS also counts the pages
               of files the kernel maps (libjvm, the class archives) that every kernel shares
  first cell   `echo hi` (boots the simulated world), its wall time and the RSS and USS after it
  round trip   the median of --cells further `echo hi` cells

Used to check that Java cells cost a shell-only session nothing: build the kernel of two commits,
install each (install/install.sh --prefix DIR), make their kernelspecs visible under two names in
JUPYTER_PATH, then: python bench/start_compare.py --kernels syssim-main syssim --rounds 20
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
from kernel_bench import Kernel  # noqa: E402


def cpu_ms(kernel):
    times = psutil.Process(kernel.proc.pid).cpu_times()
    return (times.user + times.system) * 1000


def uss_mb(kernel):
    """Memory no other process maps: what this kernel costs beyond the pages it shares."""
    return psutil.Process(kernel.proc.pid).memory_full_info().uss / 2**20


def one_round(kernel, cells):
    start = kernel.launch() * 1000
    cpu = cpu_ms(kernel)
    time.sleep(0.5)
    fresh, fresh_uss = kernel.rss_mb(), uss_mb(kernel)
    t0 = time.perf_counter()
    kernel.execute("echo hi")
    first = (time.perf_counter() - t0) * 1000
    after_first, after_first_uss = kernel.rss_mb(), uss_mb(kernel)
    trips = []
    for _ in range(cells):
        t0 = time.perf_counter()
        kernel.execute("echo hi")
        trips.append((time.perf_counter() - t0) * 1000)
    kernel.shutdown()
    return {"start (ms)": start, "CPU at the first reply (ms)": cpu, "RSS fresh (MB)": fresh, "USS fresh (MB)": fresh_uss,
            "first cell `echo hi` (ms)": first, "RSS after the first cell (MB)": after_first,
            "USS after the first cell (MB)": after_first_uss,
            "round trip `echo hi` (ms)": statistics.median(trips)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kernels", nargs=2, required=True)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--cells", type=int, default=20, help="round trips per launch")
    args = parser.parse_args()
    ctx = zmq.Context()
    samples = {name: [] for name in args.kernels}
    with tempfile.TemporaryDirectory() as workdir:
        kernels = {name: Kernel(ctx, KernelSpecManager().get_kernel_spec(name), workdir) for name in args.kernels}
        for _ in range(args.rounds):
            for name, kernel in kernels.items():
                samples[name].append(one_round(kernel, args.cells))
    ctx.term()
    keys = list(samples[args.kernels[0]][0])
    print("| median of %d interleaved launches | %s |" % (args.rounds, " | ".join(args.kernels)))
    print("|---|" + "---:|" * len(args.kernels))
    for key in keys:
        print(f"| {key} | " + " | ".join(f"{statistics.median(s[key] for s in samples[n]):.1f}" for n in args.kernels) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
