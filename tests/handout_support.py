"""What the handout and browser tests share: the notebooks, running them headless with nbclient
(once per test session each; every run is a new kernel process), and how to tell a trace output.

Not a conftest: tests/conftest.py must stay standard-library only (Debian's Python loads it for
the conformance suite), while this module needs nbformat and nbclient from .venv. pytest puts
tests/ on sys.path because of that conftest, so test modules import this one by its name.
"""

import base64
import urllib.parse
import functools
import importlib
import json
import os
import pathlib
import shutil

import nbformat
import pytest
from nbclient import NotebookClient

REPO = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
LECTURE = NOTEBOOKS / "lecture" / "lecture.ipynb"
ALL_NOTEBOOKS = sorted(p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
# Where tests leave what a person may want to look at (screenshots, handouts); build/ is ignored by git.
OUTPUT = REPO / "build" / "test-output"

TRACE_JSON = "application/vnd.syssim.trace+json"
SVG_DATA_URI = "data:image/svg+xml,"  # the SVG as text, percent-encoded where it must be
# The first line of every trace's text/plain ("trace, level full: 125 events on 5 lanes, ...").
TRACE_TEXT_START = "trace, level "

# Safety net for a hung kernel; no assertion depends on how long anything takes.
CELL_TIMEOUT = 120


def notebook_id(path):
    return str(path.relative_to(NOTEBOOKS))


# What install/handouts.sh sets for PDF and Markdown handouts: every trace display carries its PNG
# too (a live kernel leaves it out; its notebook shows the SVG image inside the HTML).
HANDOUT_ENV = {"SYSSIM_TRACE_FORMATS": "all"}


def execute(path):
    """Runs a notebook top to bottom in a new syssim kernel, as install/handouts.sh's nbconvert
    --execute does (every trace format, for the PDF handout)."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="syssim", allow_errors=False,
                   resources={"metadata": {"path": str(path.parent)}}).execute(env={**os.environ, **HANDOUT_ENV})
    return nb


@functools.lru_cache(maxsize=None)
def _executed_text(path):
    return nbformat.writes(execute(path))


def executed(path):
    """The notebook as one headless run left it (a fresh copy each call; the run happens once per session)."""
    return nbformat.reads(_executed_text(path), as_version=4)


def write_executed(path, directory, name=None):
    """Saves the executed notebook into directory, as a student would get it; returns its path."""
    target = pathlib.Path(directory) / (name or path.name)
    target.write_text(_executed_text(path), encoding="utf-8")
    return target


def code_cells(nb):
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def trace_outputs(cell):
    """The trace displays among a code cell's outputs."""
    return [o for o in cell.get("outputs", []) if "data" in o and TRACE_JSON in o["data"]]


def traced_cells(nb):
    """(index among code cells, cell) for every code cell that shows a trace."""
    return [(i, cell) for i, cell in enumerate(code_cells(nb)) if trace_outputs(cell)]


def text_fallback_line(trace):
    """A line that only the trace's text/plain rendering has: its column header
    ("time  lane  mode  event", spaced to the trace's columns). The first line ("trace, level ...")
    is no proof of a text fallback: the diagram's alt text says it too."""
    return trace["data"]["text/plain"].splitlines()[1].strip()


def svg_uri_of(html):
    """The data URI of the first diagram <img> of a trace's text/html, as the HTML holds it."""
    start = html.index(SVG_DATA_URI)
    return html[start:html.index('"', start)]


def svg_of_uri(uri):
    """The SVG a diagram's data URI carries, decoded."""
    return urllib.parse.unquote(uri[len(SVG_DATA_URI):], encoding="utf-8", errors="strict")


def svg_of(html):
    """The SVG behind the first diagram <img> of a trace's text/html, decoded."""
    return svg_of_uri(svg_uri_of(html))


def output_bytes(cell):
    """How many bytes the cell's outputs take in the .ipynb file as nbformat writes it."""
    with_outputs = nbformat.v4.new_notebook(cells=[cell])
    without = nbformat.v4.new_notebook(cells=[nbformat.from_dict({**cell, "outputs": []})])
    return len(nbformat.writes(with_outputs).encode()) - len(nbformat.writes(without).encode())


def canonical_outputs(cell):
    """A cell's outputs as JSON text, keys sorted: what "byte-identical outputs" compares."""
    return json.dumps(cell.get("outputs", []), sort_keys=True, ensure_ascii=False)


def need_program(name, package):
    """The path of an external program a test needs. Where it is missing, the test is skipped with
    the reason, except under CI (CI=true), which installs it: there a missing program fails."""
    found = shutil.which(name)
    if found:
        return found
    missing(f"{name} is not installed (Debian: apt-get install {package})")


def need_module(name, package):
    """A Python module a test needs, imported; missing, as need_program."""
    try:
        return importlib.import_module(name)
    except ImportError:
        missing(f"{name} is not importable (install/setup-venv.sh installs {package} into .venv)")


def missing(message):
    if os.environ.get("CI"):
        pytest.fail(message + "; .ci/run should have installed it")
    pytest.skip(message)


def output_dir(*parts):
    directory = OUTPUT.joinpath(*parts)
    directory.mkdir(parents=True, exist_ok=True)
    return directory
