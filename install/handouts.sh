#!/usr/bin/env bash
# The main job: build the kernel, install it into .venv (creating .venv with JupyterLab and
# nbconvert if needed), and execute every notebook in notebooks/ headless into an HTML handout
# under build/handouts/.
set -euo pipefail
cd "$(dirname "$0")/.."

install/setup-venv.sh
VIRTUAL_ENV="$PWD/.venv" install/install.sh --sys-prefix

mkdir -p build/handouts
find notebooks -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' | sort | while read -r notebook; do
    relative="${notebook#notebooks/}"
    .venv/bin/jupyter nbconvert --execute --to html --log-level WARN \
        --output-dir "build/handouts/$(dirname "$relative")" "$notebook"
    echo "  build/handouts/${relative%.ipynb}.html"
done

cat <<MSG

Handouts are in build/handouts/ (open the .html files in a browser).
To work with the notebooks in JupyterLab, kernel "SysSim":
    .venv/bin/jupyter lab notebooks/
MSG
