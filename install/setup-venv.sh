#!/usr/bin/env bash
# Creates .venv with the Jupyter packages syssim's scripts and tests use, unless it has them already.
# pip gets --retries 0: where only a local wheel index answers, an unreachable default index then
# costs one quick failure instead of minutes of retries.
set -euo pipefail
cd "$(dirname "$0")/.."

# playwright drives Debian's Chromium in the browser tests (it never downloads a browser here);
# beautifulsoup4 reads the HTML handouts (nbconvert depends on it too).
PACKAGES=("jupyterlab>=4,<5" "notebook>=7,<8" "nbconvert>=7" "nbclient>=0.10" "nbformat>=5.9"
          "jupyter_client>=8" "pytest>=8" "pytest-timeout>=2" "playwright>=1.40" "beautifulsoup4>=4.12")

if [ ! -x .venv/bin/python ]; then
    echo "Creating .venv"
    python3 -m venv .venv
fi
if ! .venv/bin/python -c 'import jupyterlab, notebook, nbconvert, nbclient, nbformat, jupyter_client, pytest, pytest_timeout, playwright, bs4' 2>/dev/null; then
    echo "Installing the Jupyter packages into .venv"
    PIP_RETRIES=0 .venv/bin/python -m pip install --quiet --retries 0 --disable-pip-version-check "${PACKAGES[@]}"
fi
