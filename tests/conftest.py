"""Installs the freshly built kernel into a temporary prefix for the whole test session.

Standard library only: this conftest is loaded both by .venv's pytest and by Debian's
/usr/bin/python3 pytest (which runs tests/conformance with Debian's jupyter_kernel_test).
JUPYTER_PATH puts the temporary kernelspec ahead of any syssim a user installed, so the tests
always run the jar that `mvn -B verify` just built, on the JVM install/install.sh would choose
(install/kernel-java.sh) and with the start-up archive it ships.
"""

import os
import pathlib
import shutil
import subprocess
import tempfile

REPO = pathlib.Path(__file__).resolve().parent.parent
JAR = REPO / "kernel" / "target" / "syssim-kernel.jar"
KERNEL_NAME = "syssim"

_prefix = None


def pytest_configure(config):
    global _prefix
    if not JAR.is_file():
        raise RuntimeError(f"{JAR} is missing: build it first with `mvn -B verify` (tests/run.sh does)")
    _prefix = pathlib.Path(tempfile.mkdtemp(prefix="syssim-tests-"))
    java = subprocess.run([str(REPO / "install" / "kernel-java.sh")], check=True,
                          capture_output=True, text=True).stdout.strip()
    subprocess.run(["java", "-jar", str(JAR), "install", "--prefix", str(_prefix), "--java", java],
                   check=True, stdout=subprocess.DEVNULL)
    config.syssim_java = java
    os.environ["JUPYTER_PATH"] = str(_prefix / "share" / "jupyter")
    # A cell's time limit counts wall time (4 s by default), and the machines running these tests
    # are shared and loaded: a long cell of a notebook (100 connections from Java) can take more
    # there. These tests check what cells print, not the limit (NeverDownTest does), so kernels
    # they start get a minute, unless the caller set a limit.
    os.environ.setdefault("SYSSIM_MAX_SECONDS", "60")
    config.syssim_prefix = _prefix


def pytest_unconfigure(config):
    if _prefix is not None:
        shutil.rmtree(_prefix, ignore_errors=True)
