#!/usr/bin/python3
"""A whole course at once on a real JupyterHub, on this machine, and the same course on ipykernel.

Runs on Debian's Python (/usr/bin/python3), because that is where Debian's `jupyterhub` lives
(apt-get install jupyterhub node-configurable-http-proxy python3-matplotlib python3-ipykernel;
tests/hub/test_hub.py runs it, install/test-deps.sh installs them).

What it does, all inside one scratch folder (students' homes, the hub's database, cookie secret,
pid files, kernelspecs, the report):
  1. starts `jupyterhub` on 127.0.0.1 (free ports) with the dummy authenticator and the simple
     local process spawner (every student's server runs as this user, home in the scratch folder);
  2. creates N students over the REST API and starts each one's server, all at once;
  3. phase "syssim": every student, at the same time, starts a SysSim kernel through their server's
     kernels API and runs the lecture's firewall section and the process-flow cells (traces on)
     over the kernel's websocket, as JupyterLab would;
  4. phase "ipykernel": the same students, again all at once, run a lecture of the same shape on
     ipykernel: as many cells, the traced cells replaced by cells that compute a little and draw a
     small matplotlib figure inline (a traced cell is a cell with a picture), the others by cells
     that compute a little and print;
  5. reports spawn p50/p95, kernel-ready time, cell latency p50/p95 per kind, CPU-s per student,
     RSS and unshared memory (USS) per kernel and in total, PSS per kernel, errors and the machine's
     load, as text and JSON;
  6. stops everything it started, also when something fails: the hub runs in its own session, the
     proxy, the servers and the kernels in theirs (the spawner starts each server in a new session),
     so each process is found by a marker in its environment and ended by its pid.

Standard library and what Debian's jupyterhub brings (tornado) only.
"""

import argparse
import asyncio
import json
import os
import pathlib
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

REPO = pathlib.Path(__file__).resolve().parent.parent.parent
LECTURE = REPO / "notebooks" / "lecture" / "lecture.ipynb"
JAR = REPO / "kernel" / "target" / "syssim-kernel.jar"
# Every process this run starts inherits this variable; its value tells this run's processes apart.
MARKER = "SYSSIM_HUB_COURSE_RUN"
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")

# The ipykernel lecture: a picture cell computes a little and shows a small figure inline (Agg,
# PNG, as a notebook shows it); a plain cell computes a little and prints.
IPY_SETUP = "%matplotlib inline\nimport math\nimport matplotlib.pyplot as plt"
IPY_PICTURE = ("xs = [i / 50 for i in range(300)]\n"
               "fig, ax = plt.subplots(figsize=(4, 2.5))\n"
               "ax.plot(xs, [math.sin(x * {k}) for x in xs])\n"
               "ax.set_title('cell {k}')\n"
               "plt.show()")
IPY_PLAIN = "print(sum(i * i for i in range(20000 + {k})))"


def lecture_cells():
    """The lecture's start, its firewall section (1 · Firewalls) and its process-flow cells (the
    traced cells of section 2 and the programs they run), in order, as (kind, source)."""
    cells = json.loads(LECTURE.read_text(encoding="utf-8"))["cells"]
    chosen = []
    section = "## 0"
    for cell in cells:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            for line in source.splitlines():
                if line.startswith("## "):
                    section = line
            continue
        firewall = "Firewalls" in section
        flow = section.startswith("## 2") and ("%trace" in source or source.startswith("%%program"))
        if section.startswith("## 0") or firewall or flow:
            traced = any(line.startswith("%trace ") and line.split()[1] != "off" for line in source.splitlines())
            kind = "traced" if traced else "plain"
            chosen.append((kind, source))
    return chosen


def ipykernel_cells(syssim):
    """A lecture of the same shape: one picture cell per traced cell, one plain cell per plain one."""
    cells = [("setup", IPY_SETUP)]
    for k, (kind, _) in enumerate(syssim[1:], start=1):
        cells.append(("picture", IPY_PICTURE.format(k=k)) if kind == "traced" else ("plain", IPY_PLAIN.format(k=k)))
    return cells


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


# ---- processes of this run ---------------------------------------------------------------------

def processes_of_run(run_id):
    """Pids of the live processes whose environment carries this run's marker."""
    wanted = f"{MARKER}={run_id}".encode()
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as f:
                if wanted in f.read().split(b"\0"):
                    found.append(int(entry))
        except OSError:
            pass
    return found


def cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def usage(pid):
    """(CPU seconds, RSS bytes, unshared bytes (USS), proportional bytes (PSS: shared pages divided
    among the processes mapping them)) of one live process, or None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / CLK_TCK
        rss = int(fields[21]) * PAGE
        private = proportional = 0
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith(("Private_Clean:", "Private_Dirty:")):
                    private += int(line.split()[1]) * 1024
                elif line.startswith("Pss:"):
                    proportional = int(line.split()[1]) * 1024
        return cpu, rss, private, proportional
    except (OSError, IndexError, ValueError):
        return None


def end_processes(run_id, grace=5.0):
    """SIGTERM to every process of this run, then SIGKILL to those still there after `grace` s."""
    pids = processes_of_run(run_id)
    for pid in pids:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline and processes_of_run(run_id):
        time.sleep(0.1)
    left = processes_of_run(run_id)
    for pid in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return len(pids), len(left)


# ---- the hub -----------------------------------------------------------------------------------

def hub_config(scratch, port, token, jupyter_path, run_id):
    homes = scratch / "homes"
    homes.mkdir(exist_ok=True)
    return f"""
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {free_port()}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{free_port()}"
c.ConfigurableHTTPProxy.pid_file = {str(scratch / "proxy.pid")!r}
c.JupyterHub.pid_file = {str(scratch / "hub.pid")!r}
c.JupyterHub.db_url = "sqlite:///{scratch / 'hub.sqlite'}"
c.JupyterHub.cookie_secret_file = {str(scratch / "cookie_secret")!r}
c.JupyterHub.authenticator_class = "jupyterhub.auth.DummyAuthenticator"
c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = {str(homes) + "/{username}"!r}
c.Spawner.default_url = "/tree"
c.Spawner.args = ["--allow-root"]
c.Spawner.start_timeout = 600
c.Spawner.http_timeout = 600
# 30 students on 2 cores: a cell may wait for a core longer than the 4 s wall-time default, so the
# time limit is raised as the README tells admins of a crowded hub to do
c.Spawner.environment = {{"JUPYTER_PATH": {jupyter_path!r}, "{MARKER}": "{run_id}",
                          "MPLBACKEND": "module://matplotlib_inline.backend_inline", "SYSSIM_MAX_SECONDS": "60"}}
c.JupyterHub.concurrent_spawn_limit = 0
c.JupyterHub.services = [{{"name": "course-bench", "api_token": "{token}"}}]
c.JupyterHub.load_roles = [{{"name": "course-bench", "services": ["course-bench"],
    "scopes": ["admin:users", "admin:servers", "access:servers", "list:users", "read:users"]}}]
c.JupyterHub.log_level = "WARN"
"""


class Hub:
    def __init__(self, base, token):
        self.base = base
        self.token = token
        self.http = AsyncHTTPClient(max_clients=1000)

    async def call(self, method, path, body=None, timeout=600):
        request = HTTPRequest(self.base + path, method=method, headers={"Authorization": f"token {self.token}"},
                              body=None if body is None else json.dumps(body),
                              allow_nonstandard_methods=True, request_timeout=timeout)
        response = await self.http.fetch(request, raise_error=True)
        return json.loads(response.body) if response.body else None


async def wait_up(hub, process):
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"jupyterhub exited with status {process.returncode} (see its log)")
        try:
            await hub.call("GET", "/hub/api/", timeout=5)
            return
        except Exception:
            await asyncio.sleep(0.3)
    raise RuntimeError("jupyterhub did not answer within 120 s")


async def spawn(hub, name):
    """Starts the student's server; the time from the request until the hub says it is ready."""
    start = time.monotonic()
    await hub.call("POST", f"/hub/api/users/{name}/server")
    while True:
        user = await hub.call("GET", f"/hub/api/users/{name}")
        server = user.get("servers", {}).get("")
        if server and server.get("ready"):
            return time.monotonic() - start, server["url"]
        if time.monotonic() - start > 600:
            raise RuntimeError(f"{name}'s server not ready after 600 s")
        await asyncio.sleep(0.25)


# ---- one student's session ---------------------------------------------------------------------

def message(msg_type, content, session):
    return {"header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": session,
                       "username": "student", "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": []}


async def give_up(hub, url, kernel):
    """Shuts down a kernel the student gave up on, as the Lab's "shut down kernel" does, so that
    only the kernel the student then works in is measured."""
    try:
        await hub.call("DELETE", f"{url}api/kernels/{kernel['id']}", timeout=60)
    except Exception:
        pass  # the server may have given it up already (404)


async def session_run(hub, url, kernel_name, cells):
    """Starts a kernel in the student's server, runs the cells one after another over its websocket
    and shuts the kernel down. Returns the kernel's id, ready time and one record per cell."""
    start = time.monotonic()
    session = uuid.uuid4().hex
    reconnects = 0
    new_kernels = 0
    kernel, ws = None, None
    while ws is None:
        if kernel is None:
            kernel = await hub.call("POST", f"{url}api/kernels", {"name": kernel_name})
        # with the session id in the URL, as JupyterLab connects (the server keys the connection by it)
        ws_url = hub.base.replace("http", "ws", 1) + f"{url}api/kernels/{kernel['id']}/channels?session_id={session}"
        # the server waits up to a minute for the kernel's kernel_info_reply before it upgrades the
        # connection; one that hangs past that (seen: a reconnect to a kernel that never bound its
        # ports) is given up after 150 s like a kernel the server gave up (599 below)
        request = HTTPRequest(ws_url, headers={"Authorization": f"token {hub.token}"}, request_timeout=150)
        try:
            ws = await websocket_connect(request, max_message_size=256 * 1024 * 1024)
        except HTTPClientError as e:
            # 404 (or 503 while the server is still trying): the server gave the kernel up. Seen under load: the kernel could not bind a port
            # of its connection file ("Errno 48", EADDRINUSE) because between jupyter_client
            # choosing the free port and the kernel binding it, another connection on the machine
            # took it as its ephemeral port; the server's five restarts reuse the ports it chose.
            # A student starts a new kernel then; so does this (counted in the report).
            if e.code not in (404, 503, 599) or new_kernels >= 3:
                raise
            new_kernels += 1
            await give_up(hub, url, kernel)
            kernel = None
            continue
        info = message("kernel_info_request", {}, session)
        ws.write_message(json.dumps(info))
        answered = False
        while not answered:
            try:
                # a kernel that never bound its ports never answers: after two minutes the student
                # starts a new one (so does this; counted in the report)
                reply = await asyncio.wait_for(ws.read_message(), 120)
            except asyncio.TimeoutError:
                ws.close()
                ws = None
                if new_kernels >= 3:
                    raise RuntimeError("no kernel_info_reply from 4 kernels in a row")
                new_kernels += 1
                await give_up(hub, url, kernel)
                kernel = None
                break
            if reply is None:
                break
            msg = json.loads(reply)
            answered = (msg.get("msg_type") == "kernel_info_reply"
                        and msg["parent_header"].get("msg_id") == info["header"]["msg_id"])
        if kernel is None:
            continue
        if not answered:
            # A server under load may close a kernel's first websocket before the kernel answers;
            # JupyterLab then connects again, and so does this (counted in the report).
            ws = None
            reconnects += 1
            if reconnects > 3:
                raise RuntimeError("websocket closed before kernel_info_reply, 4 times")
            await asyncio.sleep(1)
    try:
        ready = time.monotonic() - start
        records = []
        for kind, source in cells:
            request_msg = message("execute_request", {"code": source, "silent": False, "store_history": True,
                                                      "user_expressions": {}, "allow_stdin": False,
                                                      "stop_on_error": True}, session)
            msg_id = request_msg["header"]["msg_id"]
            sent = time.monotonic()
            ws.write_message(json.dumps(request_msg))
            status, error, idle, outputs = None, None, False, 0
            while status is None or not idle:
                raw = await asyncio.wait_for(ws.read_message(), 600)
                if raw is None:
                    raise RuntimeError("websocket closed during a cell")
                msg = json.loads(raw)
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                t = msg.get("msg_type")
                if t == "execute_reply":
                    status = msg["content"]["status"]
                    if status != "ok":
                        error = f"{msg['content'].get('ename')}: {msg['content'].get('evalue')}"
                elif t == "status" and msg["content"]["execution_state"] == "idle":
                    idle = True
                elif t in ("display_data", "execute_result", "stream", "error"):
                    outputs += len(raw)
            records.append({"kind": kind, "seconds": time.monotonic() - sent, "status": status,
                            "error": error, "output_bytes": outputs, "source": source.splitlines()[0]})
        return kernel["id"], ready, records, reconnects, new_kernels
    finally:
        ws.close()


async def phase(hub, run_id, users, kernel_name, cells, match):
    """Every student at once; measures the kernels (this run's processes whose command line
    contains `match`) after the section, before they are shut down."""
    load_before = os.getloadavg()
    cpu_before = {pid: usage(pid) for pid in processes_of_run(run_id)}
    wall = time.monotonic()
    results = await asyncio.gather(*(session_run(hub, url, kernel_name, cells) for _, url in users),
                                   return_exceptions=True)
    wall = time.monotonic() - wall
    # the kernels the students worked in: their connection files are named after the kernel's id
    # (a kernel given up may still be exiting, and is not counted)
    ids = [r[0] for r in results if isinstance(r, tuple)]
    kernels = [pid for pid in processes_of_run(run_id)
               if match in cmdline(pid) and any(i in cmdline(pid) for i in ids)]
    measured = [u for u in (usage(pid) for pid in kernels) if u]
    servers = [pid for pid in processes_of_run(run_id) if "jupyterhub-singleuser" in cmdline(pid)]
    server_cpu = 0.0
    for pid in servers:
        now = usage(pid)
        if now:
            server_cpu += now[0] - (cpu_before.get(pid) or (0.0,))[0]
    load_after = os.getloadavg()
    # shut the kernels down through each server, as the Lab's "shut down kernel" does
    for (name, url), result in zip(users, results):
        if isinstance(result, tuple):
            try:
                await hub.call("DELETE", f"{url}api/kernels/{result[0]}")
            except Exception:
                pass
    return summarize(kernel_name, users, results, measured, server_cpu, wall, load_before, load_after)


def summarize(kernel_name, users, results, measured, server_cpu, wall, load_before, load_after):
    failures = [f"{name}: {type(r).__name__}: {r}" for (name, _), r in zip(users, results) if isinstance(r, BaseException)]
    good = [r for r in results if isinstance(r, tuple)]
    readies = [r[1] for r in good]
    cells = [c for r in good for c in r[2]]
    reconnects = sum(r[3] for r in good)
    new_kernels = sum(r[4] for r in good)
    errors = [f"{c['source']}: {c['error']}" for c in cells if c["status"] != "ok"]
    kinds = {}
    for c in cells:
        kinds.setdefault(c["kind"], []).append(c)
    by_kind = {kind: {"cells": len(cs), "p50_s": percentile([c["seconds"] for c in cs], 50),
                      "p95_s": percentile([c["seconds"] for c in cs], 95),
                      "output_kb_mean": statistics.mean(c["output_bytes"] for c in cs) / 1024}
               for kind, cs in sorted(kinds.items())}
    all_s = [c["seconds"] for c in cells]
    kernel_cpu = sum(m[0] for m in measured)
    return {
        "kernel": kernel_name, "students": len(users), "sessions_failed": failures,
        "websocket_reconnects": reconnects, "kernels_started_again": new_kernels, "wall_s": wall, "ready_p50_s": percentile(readies, 50), "ready_p95_s": percentile(readies, 95),
        "cells": len(cells), "cell_errors": errors, "cell_p50_s": percentile(all_s, 50),
        "cell_p95_s": percentile(all_s, 95), "by_kind": by_kind,
        "kernels_measured": len(measured),
        "kernel_cpu_s_per_student": kernel_cpu / max(1, len(users)),
        "server_cpu_s_per_student": server_cpu / max(1, len(users)),
        "rss_mb_per_kernel_mean": statistics.mean(m[1] for m in measured) / 2**20 if measured else None,
        "rss_mb_per_kernel_max": max(m[1] for m in measured) / 2**20 if measured else None,
        "unshared_mb_per_kernel_mean": statistics.mean(m[2] for m in measured) / 2**20 if measured else None,
        "pss_mb_per_kernel_mean": statistics.mean(m[3] for m in measured) / 2**20 if measured else None,
        "rss_mb_total": sum(m[1] for m in measured) / 2**20, "unshared_mb_total": sum(m[2] for m in measured) / 2**20,
        "load_before": load_before, "load_after": load_after,
    }


# ---- the run -----------------------------------------------------------------------------------

def install_syssim(scratch):
    """The kernel as tests/conftest.py installs it (JUPYTER_PATH from there when set), else into the
    scratch folder with the JVM install/install.sh would choose."""
    given = os.environ.get("JUPYTER_PATH", "")
    if given and any((pathlib.Path(p) / "kernels" / "syssim" / "kernel.json").is_file() for p in given.split(os.pathsep)):
        return given
    prefix = scratch / "prefix"
    java = subprocess.run([str(REPO / "install" / "kernel-java.sh")], check=True, capture_output=True, text=True).stdout.strip()
    subprocess.run(["java", "-jar", str(JAR), "install", "--prefix", str(prefix), "--java", java], check=True,
                   stdout=subprocess.DEVNULL)
    return str(prefix / "share" / "jupyter")


def install_ipykernel(scratch):
    """Debian's ipykernel, as a kernelspec named python3 in the scratch folder (Debian ships none)."""
    spec = scratch / "ipyspec" / "kernels" / "python3"
    spec.mkdir(parents=True, exist_ok=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (ipykernel)", "language": "python"}))
    return str(scratch / "ipyspec")


async def course(args, scratch, run_id, hub_log):
    token = uuid.uuid4().hex
    port = free_port()
    jupyter_path = os.pathsep.join([install_syssim(scratch), install_ipykernel(scratch)])
    config = scratch / "jupyterhub_config.py"
    config.write_text(hub_config(scratch, port, token, jupyter_path, run_id))
    env = {**os.environ, MARKER: run_id, "HOME": str(scratch)}
    if "NODE_PATH" not in env:
        # Debian's configurable-http-proxy finds its modules there; a node from elsewhere does not
        env["NODE_PATH"] = "/usr/share/nodejs"
    hub_process = subprocess.Popen(["jupyterhub", "-f", str(config)], cwd=scratch, env=env,
                                   stdout=hub_log, stderr=subprocess.STDOUT, start_new_session=True)
    hub = Hub(f"http://127.0.0.1:{port}", token)
    await wait_up(hub, hub_process)
    names = [f"student{i:03d}" for i in range(1, args.students + 1)]
    await hub.call("POST", "/hub/api/users", {"usernames": names})
    load_before = os.getloadavg()
    spawned = await asyncio.gather(*(spawn(hub, name) for name in names))
    users = [(name, url) for name, (_, url) in zip(names, spawned)]
    spawns = [s for s, _ in spawned]
    syssim_cells = lecture_cells()
    report = {
        "students": args.students, "cores": os.cpu_count(), "load_at_start": load_before,
        "spawn_p50_s": percentile(spawns, 50), "spawn_p95_s": percentile(spawns, 95), "spawn_max_s": max(spawns),
        "phases": {},
    }
    report["phases"]["syssim"] = await phase(hub, run_id, users, "syssim", syssim_cells, "syssim-kernel.jar")
    if not args.skip_ipykernel:
        report["phases"]["ipykernel"] = await phase(hub, run_id, users, "python3", ipykernel_cells(syssim_cells),
                                                    "ipykernel_launcher")
    for name in names:
        try:
            await hub.call("DELETE", f"/hub/api/users/{name}/server")
        except Exception:
            pass
    return report


def targets(report):
    """The issue's targets, each (name, met, figures)."""
    s = report["phases"]["syssim"]
    out = [("every student's cells succeed", not s["sessions_failed"] and not s["cell_errors"] and s["cells"] > 0,
            f"{s['cells']} cells, {len(s['cell_errors'])} errors, {len(s['sessions_failed'])} sessions failed"),
           ("kernel RSS <= 60 MB each after the section", (s["rss_mb_per_kernel_max"] or 1e9) <= 60,
            f"max {s['rss_mb_per_kernel_max']:.1f} MB" if s["rss_mb_per_kernel_max"] else "not measured")]
    i = report["phases"].get("ipykernel")
    if i:
        sp, ip = s["by_kind"].get("traced", {}).get("p95_s"), i["by_kind"].get("picture", {}).get("p95_s")
        out.append(("SysSim p95 <= ipykernel p95 on picture cells", sp is not None and ip is not None and sp <= ip,
                    f"traced p95 {sp:.2f} s vs picture p95 {ip:.2f} s" if sp and ip else "not measured"))
        out.append(("CPU-s per student <= ipykernel's", s["kernel_cpu_s_per_student"] <= i["kernel_cpu_s_per_student"],
                    f"{s['kernel_cpu_s_per_student']:.2f} vs {i['kernel_cpu_s_per_student']:.2f} CPU-s"))
    return out


def text_report(report):
    lines = [f"JupyterHub course: {report['students']} students, {report['cores']} cores, "
             f"load at start {report['load_at_start'][0]:.1f}",
             f"spawn (POST server -> ready): p50 {report['spawn_p50_s']:.2f} s, p95 {report['spawn_p95_s']:.2f} s, "
             f"max {report['spawn_max_s']:.2f} s"]
    for name, p in report["phases"].items():
        lines.append(f"== {name}: {p['cells']} cells in {p['wall_s']:.1f} s wall, all students at once")
        lines.append(f"  kernel ready (POST kernel -> kernel_info_reply): p50 {p['ready_p50_s']:.2f} s, p95 {p['ready_p95_s']:.2f} s")
        lines.append(f"  cell latency, all: p50 {p['cell_p50_s']:.3f} s, p95 {p['cell_p95_s']:.3f} s")
        for kind, k in p["by_kind"].items():
            lines.append(f"    {kind:8} {k['cells']:5} cells  p50 {k['p50_s']:.3f} s  p95 {k['p95_s']:.3f} s  "
                         f"output {k['output_kb_mean']:.1f} KB/cell")
        rss = p["rss_mb_per_kernel_mean"]
        lines.append(f"  CPU-s per student: kernel {p['kernel_cpu_s_per_student']:.2f}, "
                     f"its server {p['server_cpu_s_per_student']:.2f}")
        if rss is not None:
            lines.append(f"  memory per kernel: RSS mean {rss:.1f} MB (max {p['rss_mb_per_kernel_max']:.1f}), "
                         f"unshared mean {p['unshared_mb_per_kernel_mean']:.1f} MB, "
                         f"PSS mean {p['pss_mb_per_kernel_mean']:.1f} MB; total RSS {p['rss_mb_total']:.0f} MB, "
                         f"unshared {p['unshared_mb_total']:.0f} MB ({p['kernels_measured']} kernels)")
        lines.append(f"  load (1/5/15 min) before {tuple(round(x, 1) for x in p['load_before'])}, "
                     f"after {tuple(round(x, 1) for x in p['load_after'])}")
        lines.append(f"  errors: {len(p['cell_errors'])} cells, {len(p['sessions_failed'])} sessions; "
                     f"{p['websocket_reconnects']} websocket reconnects before a kernel answered, "
                     f"{p['kernels_started_again']} kernels started again after the server gave one up")
        for e in (p["sessions_failed"] + p["cell_errors"])[:10]:
            lines.append(f"    {e}")
    lines.append("targets:")
    for name, met, figures in targets(report):
        lines.append(f"  [{'met' if met else 'NOT MET'}] {name}: {figures}")
    lines.append(f"cleanup: {report.get('cleanup')}")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--out", type=pathlib.Path, default=REPO / "build" / "hub" / "report.json")
    parser.add_argument("--scratch", type=pathlib.Path, default=None, help="kept afterwards when given")
    parser.add_argument("--skip-ipykernel", action="store_true")
    args = parser.parse_args()
    run_id = uuid.uuid4().hex
    scratch = args.scratch or pathlib.Path(tempfile.mkdtemp(prefix="syssim-hub-"))
    scratch.mkdir(parents=True, exist_ok=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    report, failure = None, None
    with open(scratch / "hub.log", "wb") as hub_log:
        try:
            report = asyncio.run(course(args, scratch, run_id, hub_log))
        except BaseException as e:  # noqa: B036 - whatever happened, everything started is ended below
            failure = e
        finally:
            ended, killed = end_processes(run_id)
    cleanup = {"processes_ended": ended, "needed_sigkill": killed, "left": len(processes_of_run(run_id))}
    if failure is not None:
        print(f"hub course failed: {type(failure).__name__}: {failure}", file=sys.stderr)
        log = (scratch / "hub.log").read_text(errors="replace")
        print(log[-4000:], file=sys.stderr)
        print(f"cleanup: {cleanup}", file=sys.stderr)
        if args.scratch is None:
            shutil.rmtree(scratch, ignore_errors=True)
        return 2
    report["cleanup"] = cleanup
    report["total_wall_s"] = time.monotonic() - started
    args.out.write_text(json.dumps(report, indent=1) + "\n")
    text = text_report(report) + f"\ntotal wall time {report['total_wall_s']:.0f} s"
    args.out.with_suffix(".txt").write_text(text + "\n")
    print(text)
    if args.scratch is None:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
