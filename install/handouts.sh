#!/usr/bin/env bash
# The main job: build the kernel, install it into .venv (creating .venv with JupyterLab and
# nbconvert if needed), write the student release of every homework source notebook into
# build/homework/release/ (install/syssim assign), and execute every notebook in notebooks/
# headless into handouts under build/handouts/ (homework sources, with their solutions, too: they
# are the lecturer's): the executed notebook itself (.ipynb, with its outputs) and, by format:
#   html      (default) each trace as its SVG diagram plus a collapsible event table
#   pdf       through xelatex, each trace as its PNG (Debian: texlive-xetex texlive-fonts-recommended
#             texlive-plain-generic pandoc)
#   markdown  text, and each trace as an extracted PNG the .md links to
# Usage: install/handouts.sh [html] [pdf] [markdown]
set -euo pipefail
cd "$(dirname "$0")/.."

formats=("$@")
[ ${#formats[@]} -gt 0 ] || formats=(html)
for format in "${formats[@]}"; do
    case "$format" in
        html|pdf|markdown) ;;
        *) echo "usage: install/handouts.sh [html] [pdf] [markdown]" >&2; exit 2 ;;
    esac
done

install/setup-venv.sh
VIRTUAL_ENV="$PWD/.venv" install/install.sh --sys-prefix

# The students' versions: solutions out, outputs cleared, checks locked.
install/syssim assign notebooks/homework/source/*.ipynb build/homework/release

nbconvert() {
    .venv/bin/jupyter nbconvert --log-level WARN "$@"
}

mkdir -p build/handouts
find notebooks -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' | sort | while read -r notebook; do
    relative="${notebook#notebooks/}"
    out="build/handouts/$(dirname "$relative")"
    executed="$out/$(basename "$notebook")"
    # Run once; every format is made from the executed notebook (runs are deterministic anyway).
    nbconvert --execute --to notebook --output-dir "$out" "$notebook"
    echo "  $executed"
    for format in "${formats[@]}"; do
        case "$format" in
            html) nbconvert --to html "$executed" ;;
            pdf) nbconvert --to pdf "$executed" ;;
            # nbconvert's Markdown prefers text/html (the data-URI diagram), which many Markdown
            # viewers do not show; preferring image/png links each trace's extracted PNG instead.
            markdown) nbconvert --to markdown \
                          '--NbConvertBase.display_data_priority=["image/png", "text/markdown", "text/plain"]' \
                          "$executed" ;;
        esac
        extension=$([ "$format" = markdown ] && echo md || echo "$format")
        echo "  ${executed%.ipynb}.$extension"
    done
done

cat <<MSG

Handouts are in build/handouts/ (open the .html files in a browser); the homework releases for
students are in build/homework/release/.
To work with the notebooks in JupyterLab, kernel "SysSim":
    .venv/bin/jupyter lab notebooks/
MSG
