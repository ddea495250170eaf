"""Records how nbformat writes a notebook, for NotebookTest: run with a Python that has nbformat
(the project's .venv) from this directory: `../../../../../../../../.venv/bin/python record_nbformat.py`.
Writes nbformat-written.ipynb: sources and outputs of every kind, multi-line and not, non-ASCII
text, HTML characters, JSON output, and nbgrader metadata, saved exactly as nbformat saves them."""

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

nb = new_notebook(metadata={
    "kernelspec": {"display_name": "SysSim", "language": "syssim", "name": "syssim"},
    "language_info": {"name": "syssim", "pygments_lexer": "bash"},
})
nb.cells = [
    new_markdown_cell("# Title · with “quotes” <b>&</b>\n\ntwo paragraphs", metadata={
        "nbgrader": {"grade": False, "grade_id": "intro", "locked": True, "schema_version": 3, "solution": False, "task": False}}),
    new_code_cell("echo one\necho two\n", execution_count=3, outputs=[
        new_output("stream", name="stdout", text="one\ntwo\n"),
        new_output("stream", name="stderr", text="no newline at the end"),
        new_output("display_data", data={
            "text/plain": "a\nb",
            "text/html": "<table>\n<tr><td>x</td></tr>\n</table>",
            "image/png": "iVBORw0KGgo=",
            "application/vnd.syssim.check+json": {"name": "c", "points": 2, "lines": [{"text": "a\nb"}]},
        }, metadata={}),
        new_output("error", ename="CheckFailed", evalue="c, line 2 `x` was not met", traceback=["CheckFailed: c"]),
    ], metadata={"nbgrader": {"grade": True, "grade_id": "c", "locked": True, "points": 2, "schema_version": 3,
                              "solution": False, "task": False}, "tags": []}),
    new_code_cell("", execution_count=None),
]
for cell in nb.cells:
    cell.pop("id", None)
nb.nbformat_minor = 4
nbformat.write(nb, "nbformat-written.ipynb")
