"""A whole course at once on a real JupyterHub (issue 20): N students (30 unless SYSSIM_HUB_STUDENTS
says otherwise) each run the lecture's firewall section and process-flow cells in a SysSim kernel,
all at the same time, and then a lecture of the same shape on ipykernel. The run itself is
tests/hub/hub_course.py on Debian's Python (where Debian's jupyterhub lives); its report is printed
and kept in build/test-output/hub/report.json and .txt.

Skipped with its reason when Debian's packages are missing (install/test-deps.sh installs them as
root); under CI=true a missing package fails instead.
"""

import json
import os
import pathlib
import shutil
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parent.parent.parent
SCRIPT = REPO / "tests" / "hub" / "hub_course.py"
OUT = REPO / "build" / "test-output" / "hub" / "report.json"
STUDENTS = int(os.environ.get("SYSSIM_HUB_STUDENTS", "30"))
PYTHON = "/usr/bin/python3"
NEEDED = "apt-get install jupyterhub node-configurable-http-proxy python3-matplotlib python3-ipykernel"


def missing():
    if not shutil.which("jupyterhub") or not shutil.which("configurable-http-proxy"):
        return "jupyterhub or configurable-http-proxy is not installed"
    probe = subprocess.run([PYTHON, "-c", "import jupyterhub, ipykernel, matplotlib, matplotlib_inline, tornado"],
                           capture_output=True, text=True)
    return None if probe.returncode == 0 else f"Debian's Python lacks a package: {probe.stderr.strip()[-200:]}"


@pytest.fixture(scope="module")
def report():
    reason = missing()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; as root: {NEEDED}")
        pytest.skip(f"{reason}; as root: {NEEDED}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    run = subprocess.run([PYTHON, str(SCRIPT), "--students", str(STUDENTS), "--out", str(OUT)],
                         capture_output=True, text=True, timeout=1500)
    print(run.stdout)
    assert run.returncode == 0, f"the hub run failed:\n{run.stderr[-6000:]}"
    return json.loads(OUT.read_text())


def test_every_students_cells_succeed_on_syssim(report):
    syssim = report["phases"]["syssim"]
    assert syssim["sessions_failed"] == []
    assert syssim["cell_errors"] == []
    assert syssim["cells"] > 0 and syssim["cells"] % STUDENTS == 0
    assert "traced" in syssim["by_kind"], "the process-flow cells are traced"


def test_the_ipykernel_lecture_of_the_same_shape_succeeds_too(report):
    ipy = report["phases"]["ipykernel"]
    assert ipy["sessions_failed"] == [] and ipy["cell_errors"] == []
    assert ipy["cells"] == report["phases"]["syssim"]["cells"]
    assert ipy["by_kind"]["picture"]["cells"] == report["phases"]["syssim"]["by_kind"]["traced"]["cells"]


def test_each_students_kernel_was_measured(report):
    for phase in report["phases"].values():
        assert phase["kernels_measured"] == STUDENTS, phase["kernel"]


def test_everything_the_run_started_has_ended(report):
    assert report["cleanup"]["left"] == 0
    assert report["cleanup"]["processes_ended"] > 0


def test_the_report_has_the_figures_the_targets_are_judged_on(report):
    # The targets (SysSim's p95 on traced cells at most ipykernel's on picture cells, CPU-s per
    # student at most ipykernel's, RSS <= 60 MB) are measured, not asserted: timings on a shared
    # machine are benchmark figures (README, Performance), never pass/fail conditions of a test.
    for phase, kind in (("syssim", "traced"), ("ipykernel", "picture")):
        figures = report["phases"][phase]
        assert figures["by_kind"][kind]["p95_s"] > 0
        assert figures["kernel_cpu_s_per_student"] > 0
    assert report["phases"]["syssim"]["rss_mb_per_kernel_max"] > 0
