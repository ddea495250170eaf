"""The homework workflow through the real Jupyter stack: `assign` builds the releases into
build/homework/release, nbclient runs them (only the checks fail, as CheckFailed), the source
scores full points in its own %grade cell, `grade` scores 30 submissions per assignment as
expected, and the README's homework section is five commands that work."""

import csv as csvmodule
import json
import os
import pathlib
import re
import subprocess

import nbformat
import pytest
from nbclient import NotebookClient

import submissions

REPO = submissions.REPO
JAR = REPO / "kernel" / "target" / "syssim-kernel.jar"
RELEASE = REPO / "build" / "homework" / "release"
SOURCES = sorted(submissions.SOURCES.glob("*.ipynb"))
GRADE_JSON = "application/vnd.syssim.grade+json"


def syssim(config, *args, cwd=REPO):
    return subprocess.run([config.syssim_java, "-jar", str(JAR), *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def releases(pytestconfig):
    done = syssim(pytestconfig, "assign", *SOURCES, RELEASE)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(RELEASE / s.name) for s in SOURCES]
    return {s.name: RELEASE / s.name for s in SOURCES}


def run(path):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="syssim", allow_errors=True).execute()
    return nb


def errors(nb):
    return [(i, o.ename) for i, c in enumerate(nb.cells) if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]


def graded_cells(nb):
    return [i for i, c in enumerate(nb.cells) if c.get("metadata", {}).get("nbgrader", {}).get("grade")]


def test_there_are_the_course_assignments():
    assert [s.name for s in SOURCES] == ["01-campus-firewall.ipynb", "02-programs-and-traces.ipynb",
                                         "03-a-root-of-its-own.ipynb", "04-a-machine-in-a-machine.ipynb",
                                         "05-a-container-of-its-own.ipynb"]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_the_release_is_a_valid_notebook_without_solutions_and_with_locked_checks(releases, source):
    nb = nbformat.read(releases[source.name], as_version=4)
    nbformat.validate(nb)
    text = releases[source.name].read_text()
    assert "BEGIN SOLUTION" not in text
    for cell in nb.cells:
        nbgrader = cell.metadata.get("nbgrader", {})
        if nbgrader.get("solution"):
            assert "# YOUR ANSWER HERE" in cell.source
        if nbgrader.get("grade"):
            assert nbgrader["locked"] and cell.metadata["editable"] is False and cell.metadata["deletable"] is False
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_the_release_runs_and_fails_only_its_checks(releases, source):
    nb = run(releases[source.name])
    assert errors(nb) == [(i, "CheckFailed") for i in graded_cells(nb)]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_the_source_scores_full_points_in_its_own_grade_cell(source):
    nb = run(source)
    assert errors(nb) == []
    reports = [o.data[GRADE_JSON] for c in nb.cells if c.cell_type == "code" for o in c.outputs if GRADE_JSON in o.get("data", {})]
    assert len(reports) == 1
    assert reports[0]["score"] == reports[0]["max_score"] == 10


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_grade_scores_thirty_submissions_as_expected(pytestconfig, releases, source, tmp_path):
    expected = submissions.thirty(source, releases[source.name], tmp_path / "submissions")
    csv = tmp_path / "grades.csv"
    done = syssim(pytestconfig, "grade", "--source", source, "--csv", csv, tmp_path / "submissions")
    assert done.returncode == 0, done.stderr
    reports = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["notebook"] for r in reports] == sorted(expected)
    for r in reports:
        status, score, points = expected[r["notebook"]]
        assert (r["status"], r["score"], {c["grade_id"]: c["points"] for c in r["checks"]}) == (status, score, points), r
    with open(csv, newline="") as f:
        rows = list(csvmodule.reader(f))
    assert rows[0] == ["notebook", "status", "score", "max_score", *submissions.checks(submissions.load(source)), "reason"]
    assert [(row[0], row[1], int(row[2])) for row in rows[1:]] == [(r["notebook"], r["status"], r["score"]) for r in reports]
    assert re.match(r"syssim grade: 30 notebooks, 3 not graded, [0-9.]+ s", done.stderr.strip().splitlines()[-1]), done.stderr


def readme_homework_commands():
    readme = (REPO / "README.md").read_text()
    section = readme.split("\n## Homework")[1].split("\n## ")[0]
    block = section.split("```sh\n")[1].split("```")[0]
    return [line.split("#")[0].strip() for line in block.splitlines() if line.split("#")[0].strip()]


def test_the_readme_tells_the_homework_workflow_in_five_commands():
    commands = readme_homework_commands()
    assert len(commands) == 5, commands
    assert [c.split()[0:2] for c in commands if c.startswith("install/syssim")] == [["install/syssim", "assign"], ["install/syssim", "grade"]]


def test_the_readme_assign_and_grade_commands_work_as_written(pytestconfig, releases, tmp_path):
    commands = {c.split()[1]: c for c in readme_homework_commands() if c.startswith("install/syssim")}
    env = dict(os.environ, SYSSIM_JAVA=pytestconfig.syssim_java)
    assign = subprocess.run(commands["assign"], shell=True, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert assign.returncode == 0, assign.stderr
    folder = re.search(r"(\S+)/?$", commands["grade"]).group(1)
    source = SOURCES[0]
    expected = submissions.thirty(source, releases[source.name], REPO / folder)
    grade = subprocess.run(commands["grade"], shell=True, cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
    assert grade.returncode == 0, grade.stderr
    assert len(grade.stdout.splitlines()) == len(expected)
