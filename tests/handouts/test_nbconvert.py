"""Handouts made with the real `jupyter nbconvert`: HTML shows each trace as its diagram (an SVG
data-URI <img> and the event table), LaTeX and PDF use the trace's PNG, Markdown carries the text
and the pictures. Each trace output of the headless run is looked for in the handout.
"""

import base64
import re
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from handout_support import (ALL_NOTEBOOKS, LECTURE, SVG_DATA_URI, TRACE_TEXT_START, code_cells, executed,
                             need_program, notebook_id, output_dir, svg_of, svg_of_uri, svg_uri_of, text_fallback_line,
                             trace_outputs, traced_cells, write_executed)

# nbconvert logs this when an output has no representation the export can use.
NOT_REPRESENTED = "not able to be represented"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def nbconvert(*args, cwd):
    """Runs `jupyter nbconvert` as a person would; returns its log (stderr). Fails on a nonzero exit."""
    result = subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", *map(str, args)], cwd=cwd,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"nbconvert {' '.join(map(str, args))} failed:\n{result.stderr}"
    return result.stderr


def traces(nb):
    """Every trace display of a notebook, in order."""
    return [o for cell in code_cells(nb) for o in trace_outputs(cell)]


def trace_pngs(nb):
    """The PNG bytes of every trace display, in notebook order."""
    return [base64.b64decode(o["data"]["image/png"]) for o in traces(nb)]


def test_the_lecture_shows_traces():
    """The handout tests below look for trace outputs; the lecture must have some to look for."""
    assert traced_cells(executed(LECTURE)), "the lecture notebook shows no trace"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=[notebook_id(p) for p in ALL_NOTEBOOKS])
def test_html_handout_shows_every_trace_as_its_diagram(path, tmp_path):
    log = nbconvert("--execute", "--to", "html", "--output-dir", tmp_path, path, cwd=path.parent)
    assert NOT_REPRESENTED not in log
    html = (tmp_path / path.with_suffix(".html").name).read_text(encoding="utf-8")
    (output_dir("handouts") / path.with_suffix(".html").name).write_text(html, encoding="utf-8")

    page = BeautifulSoup(html, "html.parser")
    html_cells = page.select("div.jp-CodeCell")
    nb_cells = code_cells(executed(path))
    assert len(html_cells) == len(nb_cells)
    diagrams = 0
    for index, (html_cell, nb_cell) in enumerate(zip(html_cells, nb_cells)):
        for output in html_cell.select('.jp-OutputArea-output[data-mime-type="text/plain"]'):
            assert TRACE_TEXT_START not in output.get_text(), \
                f"code cell {index} shows a trace as plain text, not as its diagram"
        expected = trace_outputs(nb_cell)
        shown = [o for o in html_cell.select('.jp-OutputArea-output[data-mime-type="text/html"]')
                 if o.select_one(f'img[src^="{SVG_DATA_URI}"]')]
        assert len(shown) == len(expected), f"code cell {index}: {len(expected)} traces, {len(shown)} diagrams"
        for output, trace in zip(shown, expected):
            src = output.select_one("img")["src"]
            svg = svg_of_uri(src)
            assert "<svg" in svg and "</svg>" in svg
            # the diagram of this run of nbconvert is the one of the headless run (determinism)
            assert svg == svg_of(trace["data"]["text/html"])
            table = output.select_one("details > table")
            assert output.select_one("details > summary") is not None and table is not None
            assert table.select("tbody tr"), f"code cell {index}: the event table is empty"
            diagrams += 1
    assert diagrams == len(page.select(f'img[src^="{SVG_DATA_URI}"]'))


@pytest.fixture
def lecture_file(tmp_path):
    """The lecture as the headless run saved it, with its outputs."""
    return write_executed(LECTURE, tmp_path)


def included_images(tex):
    """The image files a .tex shows: nbconvert writes \\adjustimage{max size={...}{...}}{FILE}."""
    return re.findall(r"\\(?:adjustimage\{max size=\{[^{}]*\}\{[^{}]*\}\}|includegraphics(?:\[[^\]]*\])?)\{([^{}]+)\}", tex)


def test_latex_handout_uses_each_traces_png(lecture_file):
    need_program("pandoc", "pandoc")
    log = nbconvert("--to", "latex", lecture_file, cwd=lecture_file.parent)
    assert NOT_REPRESENTED not in log
    tex = lecture_file.with_suffix(".tex").read_text(encoding="utf-8")
    files = [f for f in included_images(tex) if f.endswith(".png")]
    expected = trace_pngs(executed(LECTURE))
    assert len(files) == len(expected), f"{len(expected)} traces, the .tex includes {files}"
    for name, png in zip(files, expected):
        assert (lecture_file.parent / name).read_bytes() == png
    for trace in traces(executed(LECTURE)):
        assert text_fallback_line(trace) not in tex, "a trace's plain-text fallback went into the .tex"


def test_pdf_handout_builds_with_the_trace_pictures(lecture_file):
    need_program("pandoc", "pandoc")
    need_program("xelatex", "texlive-xetex texlive-fonts-recommended texlive-plain-generic")
    need_program("pdfinfo", "poppler-utils")
    log = nbconvert("--to", "pdf", lecture_file, cwd=lecture_file.parent)
    assert NOT_REPRESENTED not in log
    pdf = lecture_file.with_suffix(".pdf")
    assert pdf.read_bytes().startswith(b"%PDF-")
    (output_dir("handouts") / pdf.name).write_bytes(pdf.read_bytes())

    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert pages >= 1
    images = subprocess.run(["pdfimages", "-list", pdf], capture_output=True, text=True, check=True).stdout
    embedded = [line for line in images.splitlines()[2:] if line.strip()]
    assert len(embedded) == len(trace_pngs(executed(LECTURE))), f"one picture per trace:\n{images}"
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
    assert "Networking, OS, and virtualization" in text   # the first heading
    assert "Connection refused" in text                   # a program's output
    assert TRACE_TEXT_START not in text                   # the picture, not the text fallback


def test_markdown_handout_embeds_the_html_diagram(lecture_file):
    """nbconvert's Markdown exporter prefers text/html (raw HTML is valid Markdown): the .md gets the
    same data-URI diagram and event table as the HTML handout, for viewers that render HTML."""
    log = nbconvert("--to", "markdown", lecture_file, cwd=lecture_file.parent)
    assert NOT_REPRESENTED not in log
    md = lecture_file.with_suffix(".md").read_text(encoding="utf-8")
    shown = traces(executed(LECTURE))
    for trace in shown:
        assert svg_uri_of(trace["data"]["text/html"]) in md
        assert text_fallback_line(trace) not in md
    assert md.count("<details>") == len(shown)
    assert "Connection refused" in md


def test_markdown_handout_with_pngs_references_extracted_files(lecture_file):
    """A Markdown handout for viewers that show images but no HTML (or no data URIs): asking
    nbconvert to prefer image/png, each trace becomes an extracted PNG file the .md links to."""
    priority = '["image/png", "text/markdown", "text/plain"]'
    log = nbconvert("--to", "markdown", f"--NbConvertBase.display_data_priority={priority}", lecture_file,
                    cwd=lecture_file.parent)
    assert NOT_REPRESENTED not in log
    md = lecture_file.with_suffix(".md").read_text(encoding="utf-8")
    linked = re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", md)
    expected = trace_pngs(executed(LECTURE))
    assert len(linked) == len(expected), f"{len(expected)} traces, the .md links {linked}"
    for name, png in zip(linked, expected):
        data = (lecture_file.parent / name).read_bytes()
        assert data.startswith(PNG_SIGNATURE) and data == png
    assert "Connection refused" in md        # the programs' text stays text
    for trace in traces(executed(LECTURE)):
        assert text_fallback_line(trace) not in md
    assert SVG_DATA_URI not in md
