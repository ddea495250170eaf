"""Side-by-side kernel benchmark: syssim against ipykernel, in the same run, on this machine.

Measures, per kernel:
  start     launch of the kernelspec's argv -> first kernel_info_reply
  round trip  execute_request of a trivial cell -> execute_reply and iopub idle (median, p95)
  RSS       resident memory fresh (after the first reply) and after 1,000 cells
  restart   shutdown_request(restart=True) -> process exit -> relaunch -> kernel_info_reply
  exit      shutdown_reply received -> process exit

The client is pyzmq with jupyter_client's Session (signing), not KernelManager, so neither kernel
pays for jupyter_client's polling. Its sockets reconnect every 2 ms, so a kernel that binds late is
seen within 2 ms of binding. Prints a Markdown table; --out also writes it to a file.

Usage: python bench/kernel_bench.py [--kernels syssim python3] [--starts 15] [--cells 300]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

import psutil
import zmq
from jupyter_client.connect import write_connection_file
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.session import Session

TRIVIAL_CELL = {"syssim": "echo hi", "python3": "print('hi')"}
TIMEOUT_S = 30


class Client:
    """A minimal Jupyter client: shell, control and iopub sockets, signed with the connection key."""

    def __init__(self, ctx, info):
        self.session = Session(key=info["key"].encode(), signature_scheme=info["signature_scheme"])
        endpoint = f"tcp://{info['ip']}:%d"
        self.shell = self._socket(ctx, zmq.DEALER, endpoint % info["shell_port"])
        self.control = self._socket(ctx, zmq.DEALER, endpoint % info["control_port"])
        self.iopub = self._socket(ctx, zmq.SUB, endpoint % info["iopub_port"], subscribe=True)

    def _socket(self, ctx, kind, endpoint, subscribe=False):
        sock = ctx.socket(kind)
        sock.setsockopt(zmq.RECONNECT_IVL, 2)
        sock.setsockopt(zmq.LINGER, 0)
        if subscribe:
            sock.setsockopt(zmq.SUBSCRIBE, b"")
        sock.connect(endpoint)
        return sock

    def request(self, sock, msg_type, content=None):
        msg = self.session.msg(msg_type, content or {})
        self.session.send(sock, msg)
        return msg["header"]["msg_id"]

    def reply(self, sock, msg_id):
        deadline = time.monotonic() + TIMEOUT_S
        while time.monotonic() < deadline:
            if sock.poll(int((deadline - time.monotonic()) * 1000)):
                _, frames = self.session.feed_identities(sock.recv_multipart())
                msg = self.session.deserialize(frames)
                if msg["parent_header"].get("msg_id") == msg_id:
                    return msg
        raise TimeoutError(f"no reply to {msg_id}")

    def idle(self, msg_id):
        deadline = time.monotonic() + TIMEOUT_S
        while time.monotonic() < deadline:
            if self.iopub.poll(int((deadline - time.monotonic()) * 1000)):
                _, frames = self.session.feed_identities(self.iopub.recv_multipart())
                msg = self.session.deserialize(frames)
                if (msg["header"]["msg_type"] == "status" and msg["parent_header"].get("msg_id") == msg_id
                        and msg["content"]["execution_state"] == "idle"):
                    return
        raise TimeoutError(f"no idle for {msg_id}")

    def close(self):
        for sock in (self.shell, self.control, self.iopub):
            sock.close()


class Kernel:
    """One kernel process started from its kernelspec argv, with a client connected to it."""

    def __init__(self, ctx, spec, workdir):
        self.ctx = ctx
        self.spec = spec
        self.workdir = workdir

    def launch(self):
        """Starts the process; returns seconds from launch to the first kernel_info_reply."""
        path = os.path.join(self.workdir, f"kernel-{uuid.uuid4()}.json")
        path, info = write_connection_file(path, key=str(uuid.uuid4()).encode())
        self.info = info
        argv = [a.replace("{connection_file}", path) for a in self.spec.argv]
        if argv[0] in ("python", "python3"):
            argv[0] = sys.executable  # as jupyter_client does for ipykernel's spec
        self.client = Client(self.ctx, info)
        start = time.perf_counter()
        self.proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=None if os.environ.get("BENCH_DEBUG") else subprocess.DEVNULL,
                                     env={**os.environ, **self.spec.env})
        msg_id = self.client.request(self.client.shell, "kernel_info_request")
        self.client.reply(self.client.shell, msg_id)
        return time.perf_counter() - start

    def execute(self, code):
        msg_id = self.client.request(self.client.shell, "execute_request",
                                     {"code": code, "silent": False, "store_history": True,
                                      "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        reply = self.client.reply(self.client.shell, msg_id)
        self.client.idle(msg_id)
        return reply

    def rss_mb(self):
        return psutil.Process(self.proc.pid).memory_info().rss / 2**20

    def shutdown(self, restart=False):
        """Asks the kernel to stop; returns seconds from shutdown_reply to process exit."""
        msg_id = self.client.request(self.client.control, "shutdown_request", {"restart": restart})
        self.client.reply(self.client.control, msg_id)
        replied = time.perf_counter()
        self.proc.wait(timeout=TIMEOUT_S)
        exited = time.perf_counter()
        self.client.close()
        return exited - replied


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def measure(name, ctx, workdir, starts, cells):
    spec = KernelSpecManager().get_kernel_spec(name)
    kernel = Kernel(ctx, spec, workdir)
    code = TRIVIAL_CELL.get(name, "")
    start_times, exit_times = [], []
    for _ in range(starts):
        start_times.append(kernel.launch())
        exit_times.append(kernel.shutdown())

    kernel.launch()
    time.sleep(0.5)  # let start-up threads settle before reading "fresh" memory
    rss_fresh = kernel.rss_mb()
    round_trips = []
    for i in range(1000):
        t0 = time.perf_counter()
        kernel.execute(code)
        if i < cells:
            round_trips.append(time.perf_counter() - t0)
    rss_after = kernel.rss_mb()

    restarts = []
    for _ in range(max(3, starts // 3)):
        t0 = time.perf_counter()
        kernel.shutdown(restart=True)
        kernel.launch()
        restarts.append(time.perf_counter() - t0)
    kernel.shutdown()

    ms = lambda s: s * 1000  # noqa: E731
    return {
        "kernel": name,
        "start median (ms)": ms(statistics.median(start_times)),
        "start p95 (ms)": ms(percentile(start_times, 0.95)),
        "round trip median (ms)": ms(statistics.median(round_trips)),
        "round trip p95 (ms)": ms(percentile(round_trips, 0.95)),
        "RSS fresh (MB)": rss_fresh,
        "RSS after 1,000 cells (MB)": rss_after,
        "restart median (ms)": ms(statistics.median(restarts)),
        "exit after shutdown_reply median (ms)": ms(statistics.median(exit_times)),
        "exit max (ms)": ms(max(exit_times)),
    }


def table(rows):
    keys = [k for k in rows[0] if k != "kernel"]
    lines = ["| | " + " | ".join(r["kernel"] for r in rows) + " |",
             "|---|" + "---:|" * len(rows)]
    for key in keys:
        lines.append(f"| {key} | " + " | ".join(f"{r[key]:.1f}" for r in rows) + " |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kernels", nargs="+", default=["syssim", "python3"])
    parser.add_argument("--starts", type=int, default=15, help="launches measured per kernel")
    parser.add_argument("--cells", type=int, default=300, help="round trips measured (of the 1,000 cells)")
    parser.add_argument("--out", help="also write the Markdown table here")
    args = parser.parse_args()
    if args.cells < 200 or args.cells > 1000:
        parser.error("--cells must be between 200 and 1000")

    ctx = zmq.Context()
    with tempfile.TemporaryDirectory() as workdir:
        rows = [measure(name, ctx, workdir, args.starts, args.cells) for name in args.kernels]
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
