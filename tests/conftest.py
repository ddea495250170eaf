"""Installs the freshly built kernel into a temporary prefix for the whole test session.

Standard library only: this conftest is loaded both by .venv's pytest and by Debian's
/usr/bin/python3 pytest (which runs tests/conformance with Debian's jupyter_kernel_test).
JUPYTER_PATH puts the temporary kernelspec ahead of any syssim a user installed, so the tests
always run the jar that `mvn -B verify` just built, with the class-data archive we ship.
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
    subprocess.run(["java", "-jar", str(JAR), "install", "--prefix", str(_prefix)],
                   check=True, stdout=subprocess.DEVNULL)
    os.environ["JUPYTER_PATH"] = str(_prefix / "share" / "jupyter")
    config.syssim_prefix = _prefix


def pytest_unconfigure(config):
    if _prefix is not None:
        shutil.rmtree(_prefix, ignore_errors=True)
