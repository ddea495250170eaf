"""Every notebook in notebooks/ runs top to bottom on the syssim kernel without an error,
as nbconvert --execute runs it for the handouts (no stdin)."""

import pathlib

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = pathlib.Path(__file__).resolve().parents[2] / "notebooks"
ALL = sorted(p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def test_there_are_notebooks_to_run():
    assert ALL, f"no notebooks under {NOTEBOOKS}"


@pytest.mark.parametrize("path", ALL, ids=[str(p.relative_to(NOTEBOOKS)) for p in ALL])
def test_notebook_runs_without_error(path):
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata.kernelspec.name == "syssim"
    NotebookClient(nb, timeout=120, kernel_name="syssim", allow_errors=False).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
