#!/usr/bin/python3
"""RSS of one syssim kernel, fresh and after the hub test's section (tests/hub: the lecture's start,
firewall section and process-flow cells), with extra JVM options or environment variables from the
command line: `-XX:Foo=1` goes into the kernelspec's argv, `NAME=value` into its env. With
`-XX:NativeMemoryTracking=summary` it also prints the JVM's own account (jcmd VM.native_memory).

Run with bench/memory/run.sh (installs the built kernel into a scratch prefix; JUPYTER_PATH).
"""

import json
import os
import pathlib
import shutil
import subprocess
import sys

sys.path[:0] = [str(pathlib.Path(__file__).resolve().parents[2] / "tests" / d) for d in ("hub", ".")]
from hub_course import lecture_cells, usage  # noqa: E402
from jupyter_client.manager import start_new_kernel  # noqa: E402


def main(args):
    spec_file = pathlib.Path(os.environ["JUPYTER_PATH"]) / "kernels" / "syssim" / "kernel.json"
    spec = json.loads(spec_file.read_text())
    spec["argv"][1:1] = [a for a in args if a.startswith("-")]
    spec.setdefault("env", {}).update(a.split("=", 1) for a in args if not a.startswith("-"))
    spec_file.write_text(json.dumps(spec))
    km, kc = start_new_kernel(kernel_name="syssim")
    try:
        pid = km.provisioner.process.pid

        def rss():
            _, resident, unshared = usage(pid)
            return f"{resident / 2**20:.1f} MB ({unshared / 2**20:.1f} MB unshared)"

        fresh = rss()
        for _, source in lecture_cells():
            kc.execute_interactive(source, timeout=120, output_hook=lambda msg: None)
        after = rss()
        if "-XX:NativeMemoryTracking=summary" in args:
            jcmd = pathlib.Path(spec["argv"][0]).with_name("jcmd")
            print(subprocess.run([str(jcmd) if jcmd.exists() else shutil.which("jcmd"), str(pid), "VM.native_memory",
                                  "summary"], capture_output=True, text=True).stdout)
    finally:
        km.shutdown_kernel(now=True)
    print(f"{' '.join(args) or '(kernelspec as installed)'}: fresh {fresh}, after the section {after}")


if __name__ == "__main__":
    main(sys.argv[1:])
