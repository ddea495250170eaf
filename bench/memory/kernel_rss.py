#!/usr/bin/python3
"""Memory of syssim kernels, fresh, right after the hub test's section (tests/hub: the lecture's
start, firewall section and process-flow cells) and after a few seconds idle, with extra JVM
options or environment variables from the command line: `-XX:Foo=1` goes into the kernelspec's
argv, `NAME=value` into its env; `--kernels=N` (default 2) kernels run side by side, as on a hub,
so pages they share (the JVM's library, the start-up archive's clean pages) show as shared;
`--idle=S` (default 3) is the idle time before the last measurement. With
`-XX:NativeMemoryTracking=summary` it also prints the JVM's own account (jcmd VM.native_memory) of
the first kernel at the end; with `--mappings` it sorts the first kernel's resident pages by what
they map (the JVM's library, the class archives, the code cache, the rest of its anonymous memory)
and measures a JVM with the same options that only prints a line and sleeps: the floor under any
Java kernel. It also says how much CPU time the section cost each kernel.

Per kernel (the mean over the kernels): RSS (resident pages, shared ones included), USS (pages no
other process maps: what one more student costs) and PSS (shared pages divided among the
processes mapping them).

Run with bench/memory/run.sh (installs the built kernel into a scratch prefix; JUPYTER_PATH).
"""

import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path[:0] = [str(pathlib.Path(__file__).resolve().parents[2] / "tests" / d) for d in ("hub", ".")]
from hub_course import lecture_cells  # noqa: E402
from jupyter_client.manager import start_new_kernel  # noqa: E402


def memory(pid):
    """(RSS, USS, PSS) in bytes, from /proc/PID/smaps_rollup."""
    fields = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "kB":
                fields[parts[0].rstrip(":")] = int(parts[1]) * 1024
    return fields["Rss"], fields["Private_Clean"] + fields["Private_Dirty"], fields["Pss"]


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def by_mapping(pid):
    """Resident MB of the process by what it maps, from /proc/PID/smaps."""
    kinds = {}
    kind = None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            parts = line.split()
            if "-" in parts[0] and not parts[0].endswith(":"):
                path = parts[5] if len(parts) > 5 else ""
                name = os.path.basename(path)
                if name.endswith((".aot", ".jsa")):
                    kind = f"class archive {name}"
                elif name.endswith(".so") or ".so." in name:
                    kind = "libjvm.so" if name == "libjvm.so" else "other libraries"
                elif path.startswith("/"):
                    kind = "other files"
                elif "x" in parts[1]:
                    kind = "code cache (anonymous, executable)"
                else:
                    kind = "heap, metaspace, stacks, malloc (anonymous)"
            elif parts[0] == "Rss:":
                kinds[kind] = kinds.get(kind, 0) + int(parts[1]) / 1024
    return kinds


def jvm_floor(java, jvm_options):
    """RSS in MB of a JVM with the kernel's options that prints a line and sleeps."""
    with tempfile.TemporaryDirectory() as scratch:
        source = pathlib.Path(scratch) / "Floor.java"
        source.write_text('public class Floor { public static void main(String[] a) throws Exception {'
                          ' System.out.println("up"); Thread.sleep(60_000); } }')
        # compiled first: the source launcher would run javac inside the measured JVM
        subprocess.run([str(pathlib.Path(java).with_name("javac")), "-d", scratch, source], check=True)
        process = subprocess.Popen([java, *jvm_options, "-cp", scratch, "Floor"], stdout=subprocess.PIPE, text=True)
        try:
            process.stdout.readline()
            time.sleep(1)
            return memory(process.pid)[0] / 2**20
        finally:
            process.kill()
            process.wait()


def described(pids):
    rss, uss, pss = (statistics.mean(m[i] for m in map(memory, pids)) / 2**20 for i in range(3))
    return f"RSS {rss:.1f} MB, USS {uss:.1f} MB, PSS {pss:.1f} MB"


def idle_label(idle):
    return f"idle {idle:g} s after it"


def main(args):
    options = dict((a[2:] + "=").split("=", 1)[:2] for a in args if a.startswith("--"))
    jvm = [a for a in args if a.startswith("-") and not a.startswith("--")]
    env = [a for a in args if not a.startswith("-")]
    count, idle = int(options.get("kernels", 2)), float(options.get("idle", 3))
    spec_file = pathlib.Path(os.environ["JUPYTER_PATH"]) / "kernels" / "syssim" / "kernel.json"
    spec = json.loads(spec_file.read_text())
    spec["argv"][1:1] = jvm
    spec.setdefault("env", {}).update(a.split("=", 1) for a in env)
    spec_file.write_text(json.dumps(spec))
    kernels = []
    try:
        for _ in range(count):
            kernels.append(start_new_kernel(kernel_name="syssim"))
        pids = [km.provisioner.process.pid for km, _ in kernels]
        fresh = described(pids)
        cpu = [cpu_seconds(pid) for pid in pids]
        started = time.monotonic()
        for _, source in lecture_cells():
            for _, kc in kernels:
                kc.execute_interactive(source, timeout=120, output_hook=lambda msg: None)
        wall = time.monotonic() - started
        cpu = statistics.mean(cpu_seconds(pid) - before for pid, before in zip(pids, cpu))
        after = described(pids)
        time.sleep(idle)
        rested = described(pids)
        if "mappings" in options:
            print(f"resident pages of one kernel {idle_label(idle)}, by what they map (MB):")
            for kind, mb in sorted(by_mapping(pids[0]).items(), key=lambda kv: -kv[1]):
                print(f"  {mb:6.1f}  {kind}")
            # the kernel's own options without its archives: the floor is the JVM's, not the kernel's
            plain = [a for a in spec["argv"][1:spec["argv"].index("-jar")]
                     if not a.startswith(("-XX:SharedArchiveFile", "-XX:AOTCache", "-Xlog"))]
            print(f"  a JVM with the kernel's options that only prints a line: RSS {jvm_floor(spec['argv'][0], plain):.1f} MB")
        if "-XX:NativeMemoryTracking=summary" in jvm:
            jcmd = pathlib.Path(spec["argv"][0]).with_name("jcmd")
            print(subprocess.run([str(jcmd) if jcmd.exists() else shutil.which("jcmd"), str(pids[0]), "VM.native_memory",
                                  "summary"], capture_output=True, text=True).stdout)
    finally:
        for km, _ in kernels:
            km.shutdown_kernel(now=True)
    idle_label_text = idle_label(idle)
    print(f"{' '.join(args) or '(kernelspec as installed)'}, {count} kernels, per kernel:\n"
          f"  {'fresh':22}{fresh}\n  {'after the section':22}{after}\n  {idle_label_text:22}{rested}\n"
          f"  the section took {cpu:.2f} CPU-s per kernel ({wall:.1f} s of wall time for all)")


if __name__ == "__main__":
    main(sys.argv[1:])
