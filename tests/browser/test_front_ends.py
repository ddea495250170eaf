"""The lecture in a real browser, in JupyterLab 4 and in Notebook 7.

1. Run All: every cell runs, none fails, and each trace shows as its diagram — an <img> whose
   source is an SVG data URI, decoded and drawn by Chromium.
2. A handed-out notebook (executed headless, saved with its outputs) opened without running it:
   it is untrusted, so the front end sanitizes its text/html. The diagram (<img> with its full data
   URI), the <details> and the event table must all survive in every trace output.

3. Neither logs an error in the browser's console, except the one JupyterLab's debugger logs for
   every kernel without a debugger, ipykernel's included (test 3 shows it is not this kernel's).

Screenshots go to build/test-output/browser/; the one of the README comes from test 1 in JupyterLab.
"""

import json
import re
from html.parser import HTMLParser
import sys
import time

import nbformat
import pytest
from bs4 import BeautifulSoup

from handout_support import (LECTURE, SVG_DATA_URI, code_cells, executed, need_module, output_dir, svg_of_uri,
                             trace_outputs, traced_cells, write_executed)

# JupyterLab opens each notebook in a workspace of its own, so no earlier test's tabs are restored beside it.
UIS = {"lab": "lab/workspaces/{stem}/tree/{name}", "notebook": "notebooks/{name}"}
# The README's picture: the trace of the lecture's privileged-instruction story (`%trace full` + sneaky).
README_CELL_SOURCE = "%trace full\nsneaky\n%trace off"
SCREENSHOT_WIDTH = 1440
# Safety net for Run All of the whole lecture; not a timing assertion.
RUN_ALL_TIMEOUT = 300_000

ALL_RAN = """n => {
  const prompts = Array.from(document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputArea-prompt'))
      .map(e => e.textContent.trim());
  return prompts.length === n && prompts.every(p => /^\\[\\d+\\]:$/.test(p));
}"""

# The execution indicator says "idle" while the notebook has no kernel yet ("No Kernel |
# Initializing"); Run All then would ask which kernel to start. So the kernel's name must show too.
KERNEL_READY = """() => {
  const name = document.querySelector('.jp-Toolbar-kernelName');
  const state = document.querySelector('.jp-Notebook-ExecutionIndicator');
  return name && name.textContent.trim() === 'SysSim' && state && state.getAttribute('data-status') === 'idle';
}"""

PROMPTS = """() => Array.from(document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputArea-prompt'))
    .map(e => e.textContent.trim()).join(' ')"""

CELL_OUTPUTS = """() => Array.from(document.querySelectorAll('.jp-Notebook .jp-CodeCell')).map(cell =>
  Array.from(cell.querySelectorAll('.jp-OutputArea-output')).map(o => ({
    mime: o.getAttribute('data-mime-type'),
    trusted: o.classList.contains('jp-mod-trusted'),
    text: o.textContent,
    images: Array.from(o.querySelectorAll('img')).map(i => ({src: i.getAttribute('src'), width: i.naturalWidth,
                                                             complete: i.complete})),
    details: Array.from(o.querySelectorAll('details')).map(d => ({
      summary: (d.querySelector('summary') || {}).textContent,
      rows: Array.from(d.querySelectorAll('table tr')).map(tr => Array.from(tr.children).map(c => c.textContent))})),
    svgs: o.querySelectorAll('svg').length,
  })))"""


# Errors the front ends log in the browser's console whatever the kernel, each one shown with
# ipykernel by test_the_front_ends_own_console_errors_are_the_same_with_ipykernel:
# - JupyterLab 4's debugger asks its service for the kernel's modules after every execute_reply,
#   and the service throws (uncaught) when no debug session exists, which is always the case for a
#   kernel whose kernelspec says "debugger": false: once per cell, ipykernel's included.
# - Notebook 7, while it opens a notebook, throws reading a settings schema and, now and then, runs
#   a file browser command before the plugin that registers it: with ipykernel as with this kernel.
FRONT_END_ERRORS = ("pageerror: No active debugger session",
                    "pageerror: Cannot read properties of undefined (reading 'schema')",
                    "pageerror: Command 'filebrowser:open-path' not registered.")


def console_errors(page):
    """The errors the browser's console reported, less the front ends' own (FRONT_END_ERRORS)."""
    return [e for e in page.errors if e not in FRONT_END_ERRORS]


def open_notebook(page, server, ui, name):
    page.goto(server.url(UIS[ui].format(name=name, stem=name.removesuffix(".ipynb"))))
    page.wait_for_selector(".jp-Notebook .jp-CodeCell")
    wait_for(page, KERNEL_READY, None, 60_000, f"{ui}: the SysSim kernel is ready")


def wait_for(page, function, arg, timeout, what):
    """page.wait_for_function, leaving a screenshot and the cells' prompts behind if it never holds."""
    try:
        page.wait_for_function(function, arg=arg, timeout=timeout)
    except Exception:
        name = what.split(":")[0]
        page.screenshot(path=output_dir("browser") / f"{name}-failed.png")
        prompts = page.evaluate(PROMPTS)
        pytest.fail(f"never happened: {what}; prompts: {prompts}")


def menu(page, top, item):
    page.click(f".lm-MenuBar-itemLabel:text-is('{top}')")
    page.click(f".lm-Menu-itemLabel:text-is('{item}')")


def wait_until_saved(path, check):
    """Polls the notebook on disk until check(nb) holds; the deadline is a safety net."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            nb = nbformat.read(path, as_version=4)
            if check(nb):
                return nb
        except (OSError, ValueError):
            pass
        time.sleep(0.2)
    pytest.fail(f"{path.name} was never saved with every cell run")


def merged(outputs):
    """Outputs with consecutive stream outputs of one name merged and CRLF as LF, as JupyterLab keeps them. The
    headless run is the handouts' (SYSSIM_TRACE_FORMATS=all: traces also carry a PNG), the browser's
    kernel shows live displays (no PNG), so the PNG is left out of the comparison."""
    result = []
    for o in json.loads(json.dumps(outputs)):
        o.get("data", {}).pop("image/png", None)
        o.get("metadata", {}).pop("image/png", None)  # the PNG's width and height
        if result and o["output_type"] == "stream" and result[-1]["output_type"] == "stream" \
                and result[-1]["name"] == o["name"]:
            result[-1]["text"] += o["text"]
        else:
            result.append(o)
    for o in result:
        # the front end's output model drops the CR of CRLF (SMTP's banner), also when the CR ended one
        # stream message and the LF began the next, and a run of CRs (docker build's "Sending build context ...\r\r\n")
        if o["output_type"] == "stream":
            o["text"] = re.sub(r"\r+\n", "\n", o["text"])
    return result


def screenshot_of_cell(page, index, path, max_height):
    """A picture of one code cell (input and outputs), its top max_height CSS pixels at most. The
    notebook scrolls inside its own panel, so the viewport is made tall enough for the picture, and
    wide enough that JupyterLab shows a diagram of up to ~1,000 CSS pixels at its own size."""
    viewport = page.viewport_size
    page.set_viewport_size({"width": SCREENSHOT_WIDTH, "height": max_height + 200})
    try:
        cell = page.locator(".jp-Notebook .jp-CodeCell").nth(index)
        cell.evaluate("cell => cell.scrollIntoView({block: 'start'})")
        page.mouse.move(0, 0)  # no hover highlight
        page.wait_for_timeout(300)  # let the scroll and any re-layout settle before the picture
        box = cell.bounding_box()
        height = min(box["height"], max_height, max_height + 200 - box["y"])
        page.screenshot(path=path, clip={"x": box["x"], "y": box["y"], "width": box["width"], "height": height})
    finally:
        page.set_viewport_size(viewport)


@pytest.mark.parametrize("ui", list(UIS))
def test_run_all_shows_every_trace_as_its_diagram(ui, jupyter_server, page):
    name = f"lecture-run-all-{ui}.ipynb"
    path = jupyter_server.root / name
    path.write_bytes(LECTURE.read_bytes())
    headless = executed(LECTURE)
    n = len(code_cells(headless))

    open_notebook(page, jupyter_server, ui, name)
    menu(page, "Run", "Run All Cells")
    wait_for(page, ALL_RAN, n, RUN_ALL_TIMEOUT, f"{ui}: every cell has run")
    wait_for(page, KERNEL_READY, None, 60_000, f"{ui}: the kernel is idle after Run All")
    menu(page, "File", "Save Notebook")
    saved = wait_until_saved(path, lambda nb: all(c.execution_count for c in code_cells(nb)))

    # Every cell ran, in order, and none failed (a failing cell would have stopped Run All).
    cells = code_cells(saved)
    assert [c.execution_count for c in cells] == list(range(1, n + 1))
    errors = [(i, o.get("ename")) for i, c in enumerate(cells) for o in c.outputs if o.output_type == "error"]
    assert not errors, f"cells failed: {errors}"
    # What the browser ran is what the headless run gave (stream outputs merged, as the front end keeps them).
    for i, (mine, theirs) in enumerate(zip(cells, code_cells(headless))):
        assert merged(mine.outputs) == merged(theirs.outputs), f"code cell {i} differs from the headless run"

    shown = page.evaluate(CELL_OUTPUTS)
    traced = traced_cells(headless)
    assert traced
    for index, cell in traced:
        diagrams = [img for o in shown[index] if o["mime"] == "text/html" for img in o["images"]
                    if img["src"].startswith(SVG_DATA_URI)]
        assert len(diagrams) == len(trace_outputs(cell)), f"code cell {index}: no diagram in the DOM"
        assert all(img["complete"] and img["width"] > 0 for img in diagrams), \
            f"code cell {index}: the browser did not draw the diagram"
    assert not any(o["mime"] == "text/plain" and o["text"].startswith("trace, level")
                   for outputs in shown for o in outputs), "a trace shows as plain text"
    assert console_errors(page) == [], "the browser's console reported errors:\n" + "\n".join(page.errors)

    shots = output_dir("browser")
    page.screenshot(path=shots / f"{ui}-run-all.png")
    for index, _ in traced:
        screenshot_of_cell(page, index, shots / f"{ui}-trace-cell-{index}.png", max_height=1400)
    if ui == "lab":
        readme = [i for i, c in enumerate(cells) if c.source == README_CELL_SOURCE]
        assert len(readme) == 1, "the README's cell is no longer in the lecture"
        screenshot_of_cell(page, readme[0], shots / "trace-screenshot.png", max_height=850)


ALL_SHOWN = """n => document.querySelectorAll('.jp-Notebook .jp-OutputArea-output img[src^="data:image/svg+xml,"]')
    .length >= n && Array.from(document.querySelectorAll('.jp-Notebook .jp-OutputArea-output'))
    .some(o => o.textContent.includes('canary'))"""

CANARY = '<p>canary</p><svg width="20" height="20"><text x="2" y="15">inline svg</text></svg>'


def untrusted_handout(directory, name):
    """The lecture executed headless and saved, plus a last cell whose output holds an inline <svg>:
    the sanitizer of an untrusted notebook removes it, which proves the view is untrusted."""
    path = write_executed(LECTURE, directory, name)
    nb = nbformat.read(path, as_version=4)
    canary = nbformat.v4.new_code_cell("echo canary")
    canary.outputs = [nbformat.v4.new_output("display_data", data={"text/html": CANARY, "text/plain": "canary"})]
    nb.cells.append(canary)
    nbformat.write(nb, path)
    return path


class _TableRows(HTMLParser):
    """The rows of the first table inside <details>, as a browser reads them: the trace's table leaves
    out the optional </td>, </th> and </tr> (HTML ends them at the next cell or row), which
    BeautifulSoup's html.parser does not imply."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows, self.in_details, self.in_table, self.done = [], False, False, False

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        if tag == "details":
            self.in_details = True
        elif tag == "table" and self.in_details:
            self.in_table = True
        elif self.in_table and tag == "tr":
            self.rows.append([])
        elif self.in_table and tag in ("td", "th") and self.rows:
            self.rows[-1].append("")

    def handle_endtag(self, tag):
        if tag == "table" and self.in_table:
            self.in_table, self.done = False, True

    def handle_data(self, data):
        if self.in_table and self.rows and self.rows[-1]:
            self.rows[-1][-1] += data


def cells_text(rows):
    """A table's cells without the white space that ends them: the line break that ends each row in the
    file belongs to its last cell when the end tags are left out, and the front end keeps or drops it."""
    return [[cell.rstrip() for cell in row] for row in rows]


def rows_of(html):
    parser = _TableRows()
    parser.feed(html)
    return cells_text(parser.rows)


@pytest.mark.parametrize("ui", list(UIS))
def test_untrusted_handout_keeps_every_diagram_and_table(ui, jupyter_server, page):
    name = f"lecture-handout-{ui}.ipynb"
    untrusted_handout(jupyter_server.root, name)
    handout = executed(LECTURE)
    traced = traced_cells(handout)
    total = sum(len(trace_outputs(c)) for _, c in traced)

    open_notebook(page, jupyter_server, ui, name)
    wait_for(page, ALL_SHOWN, total, 60_000, f"{ui}-untrusted: the saved outputs are shown")
    shown = page.evaluate(CELL_OUTPUTS)

    # The view is untrusted: no output is marked trusted, and the inline <svg> of the canary is gone.
    assert not any(o["trusted"] for outputs in shown for o in outputs), "the handout was opened as trusted"
    canary = [o for o in shown[-1] if o["mime"] == "text/html"]
    assert canary and "canary" in canary[0]["text"] and canary[0]["svgs"] == 0, \
        "the sanitizer kept an inline <svg>: this view is not the untrusted one"
    if ui == "notebook":
        assert page.locator("text=Not Trusted").count() >= 1

    for index, cell in traced:
        html_outputs = [o for o in shown[index] if o["mime"] == "text/html"]
        assert len(html_outputs) == len(trace_outputs(cell)), f"code cell {index}: a trace output is missing"
        for o, trace in zip(html_outputs, trace_outputs(cell)):
            saved = trace["data"]["text/html"]
            src = BeautifulSoup(saved, "html.parser").select_one("img")["src"]
            assert [i["src"] for i in o["images"]] == [src], f"code cell {index}: the diagram's data URI was changed"
            assert svg_of_uri(src).startswith("<?xml")
            assert all(i["complete"] and i["width"] > 0 for i in o["images"]), f"code cell {index}: not drawn"
            assert len(o["details"]) == 1, f"code cell {index}: the <details> was sanitized away"
            summary = BeautifulSoup(saved, "html.parser").select_one("details > summary").get_text()
            assert o["details"][0]["summary"] == summary
            assert cells_text(o["details"][0]["rows"]) == rows_of(saved), f"code cell {index}: the event table was changed"
            assert o["svgs"] == 0

    assert console_errors(page) == [], "the browser's console reported errors:\n" + "\n".join(page.errors)

    shots = output_dir("browser")
    first_traced = traced[0][0]
    screenshot_of_cell(page, first_traced, shots / f"{ui}-untrusted-trace-cell-{first_traced}.png", max_height=1400)


def run_all(page, server, ui, name, kernel, display_name, sources):
    """A new notebook of these cells, opened in `ui` on `kernel` and run; returns once all ran."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in sources])
    nb.metadata["kernelspec"] = {"name": kernel, "display_name": display_name, "language": "x"}
    nbformat.write(nb, server.root / name)
    page.goto(server.url(UIS[ui].format(name=name, stem=name.removesuffix(".ipynb"))))
    page.wait_for_selector(".jp-Notebook .jp-CodeCell")
    ready = KERNEL_READY.replace("'SysSim'", f"'{display_name}'")
    wait_for(page, ready, None, 60_000, f"{ui}-{kernel}: the kernel is ready")
    menu(page, "Run", "Run All Cells")
    wait_for(page, ALL_RAN, len(sources), 60_000, f"{ui}-{kernel}: every cell has run")
    wait_for(page, ready, None, 60_000, f"{ui}-{kernel}: idle after Run All")
    page.wait_for_timeout(500)  # the debugger's handler runs on the last execute_reply


def ipykernel_spec(server, name, debugger):
    """A kernelspec for the test's own Python's ipykernel, saying whether it has a debugger."""
    need_module("ipykernel", "ipykernel")
    spec = {"argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": name, "language": "python", "metadata": {"debugger": debugger}}
    directory = server.data / "kernels" / name
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "kernel.json").write_text(json.dumps(spec))


@pytest.mark.parametrize("ui", list(UIS))
def test_the_front_ends_own_console_errors_are_the_same_with_ipykernel(ui, jupyter_server, browser):
    """Issue 20: Run All of the lecture in JupyterLab logged one `No active debugger session` per
    cell. It is JupyterLab's, not this kernel's: ipykernel logs the same once its kernelspec says it
    has no debugger (and nothing of it when it has one); this kernel logs nothing ipykernel does not."""
    ipykernel_spec(jupyter_server, "ipy-no-debugger", False)
    ipykernel_spec(jupyter_server, "ipy-debugger", True)
    cells = {"syssim": ("SysSim", ["echo one", "echo two"]),
             "ipy-no-debugger": ("ipy-no-debugger", ["print('one')", "print('two')"]),
             "ipy-debugger": ("ipy-debugger", ["print('one')", "print('two')"])}
    logged = {}
    for kernel, (display_name, sources) in cells.items():
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.errors = []
        page.on("pageerror", lambda error, errors=page.errors: errors.append(f"pageerror: {error}"))
        page.on("console", lambda message, errors=page.errors: errors.append(f"console.error: {message.text}")
                if message.type == "error" else None)
        try:
            run_all(page, jupyter_server, ui, f"console-{ui}-{kernel}.ipynb", kernel, display_name, sources)
            logged[kernel] = list(page.errors)
        finally:
            context.close()
    no_debugger = FRONT_END_ERRORS[0]
    assert logged["ipy-no-debugger"].count(no_debugger) == 2, logged
    assert no_debugger not in logged["ipy-debugger"], logged
    assert logged["syssim"].count(no_debugger) == 2, logged
    # Notebook 7's own errors come and go with timing, so each kernel's are held to the same list
    assert set(logged["ipy-no-debugger"]) <= set(FRONT_END_ERRORS), logged
    assert set(logged["syssim"]) <= set(FRONT_END_ERRORS), logged
