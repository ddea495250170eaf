"""Students' notebooks for the homework tests and the grading benchmark, made from an assignment's
source and release: what a student hands in who answers every exercise as the lecturer did, who
hands in the release untouched, who gives one of the hand-made wrong answers
(testdata/homework/wrong_answers.json), or whose file is broken. Standard library only, so
bench/homework can use it without the test environment.
"""

import copy
import json
import pathlib

REPO = pathlib.Path(__file__).resolve().parents[2]
SOURCES = REPO / "notebooks" / "homework" / "source"
WRONG_ANSWERS = REPO / "testdata" / "homework" / "wrong_answers.json"
MARKERS = ("BEGIN SOLUTION", "END SOLUTION")


def load(path):
    return json.loads(pathlib.Path(path).read_text(encoding="utf-8"))


def text(source):
    return source if isinstance(source, str) else "".join(source)


def grade_id(cell):
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def checks(notebook):
    """grade_id -> points of every graded cell, in order."""
    return {grade_id(c): c["metadata"]["nbgrader"]["points"] for c in notebook["cells"]
            if c.get("metadata", {}).get("nbgrader", {}).get("grade")}


def answered(release, source, answers=None):
    """The release with every answer cell filled in as the source answers it (markers dropped),
    then the cells named in `answers` replaced."""
    by_id = {grade_id(c): c for c in source["cells"] if grade_id(c)}
    nb = copy.deepcopy(release)
    for cell in nb["cells"]:
        nbgrader = cell.get("metadata", {}).get("nbgrader", {})
        if nbgrader.get("solution"):
            lines = text(by_id[grade_id(cell)]["source"]).split("\n")
            cell["source"] = "\n".join(l for l in lines if not any(m in l for m in MARKERS))
        if answers and grade_id(cell) in answers:
            cell["source"] = answers[grade_id(cell)]
    return nb


def wrong_answers(source_name):
    return load(WRONG_ANSWERS)[source_name]


def thirty(source_path, release_path, folder):
    """Writes 30 submissions into `folder`; returns {path: (status, score, {grade_id: points})}."""
    source, release = load(source_path), load(release_path)
    full = checks(source)
    folder = pathlib.Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    expected = {}

    def write(name, nb, status, points):
        path = folder / name
        path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        expected[str(path)] = (status, sum(points.values()), points)

    wrong = wrong_answers(pathlib.Path(source_path).name)
    for i in range(30):
        name = f"student-{i + 1:02d}.ipynb"
        kind = i % 10
        if kind < 4:  # answered as the lecturer did
            write(name, answered(release, source), "graded", dict(full))
        elif kind < 6:  # handed in untouched
            write(name, release, "graded", {k: 0 for k in full})
        elif kind < 9:  # one of the hand-made wrong answers
            w = wrong[(i // 10 * 3 + kind - 6) % len(wrong)]
            write(name, answered(release, source, w["answers"]), "graded", {k: w["points"].get(k, v) for k, v in full.items()})
        else:  # a file that is not a notebook any more
            path = folder / name
            path.write_text(json.dumps(release)[:500], encoding="utf-8")
            expected[str(path)] = ("unreadable", 0, {k: 0 for k in full})
    return expected
