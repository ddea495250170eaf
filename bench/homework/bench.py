"""Times `syssim grade --source SOURCE DIR` on 30 submissions per assignment (see run.sh)."""

import json
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "homework"))
import submissions  # noqa: E402  (tests/homework: standard library only)

JAR = REPO / "kernel" / "target" / "syssim-kernel.jar"


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    jobs = sys.argv[2] if len(sys.argv) > 2 else "1"
    java = subprocess.run([str(REPO / "install" / "kernel-java.sh")], capture_output=True, text=True, check=True).stdout.strip()
    print(f"java: {java}; jobs: {jobs}; cores: {len(__import__('os').sched_getaffinity(0))}; "
          f"load average: {open('/proc/loadavg').read().split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        subprocess.run([java, "-jar", str(JAR), "assign", *sorted(submissions.SOURCES.glob("*.ipynb")), tmp / "release"],
                       check=True, capture_output=True)
        for source in sorted(submissions.SOURCES.glob("*.ipynb")):
            folder = tmp / source.stem
            expected = submissions.thirty(source, tmp / "release" / source.name, folder)
            for r in range(rounds):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.monotonic()
                done = subprocess.run([java, "-jar", str(JAR), "grade", "--jobs", jobs, "--source", str(source), str(folder)],
                                      capture_output=True, text=True, check=True)
                wall = time.monotonic() - start
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                scores = {json.loads(l)["notebook"]: json.loads(l)["score"] for l in done.stdout.splitlines()}
                right = all(scores[p] == e[1] for p, e in expected.items())
                print(f"{source.name}: 30 notebooks, round {r + 1}: {wall:.1f} s wall, {cpu:.1f} s CPU"
                      f"{'' if right else ' (REPORT DIFFERS FROM EXPECTED)'}")


if __name__ == "__main__":
    main()
