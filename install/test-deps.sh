#!/usr/bin/env bash
# The Debian packages the test suite needs beyond a JDK, Maven and Python 3, installed with apt-get
# when something is missing and we may (root, apt-get present); otherwise a note saying what to
# install (the tests that need them then skip with the reason, or fail under CI=true).
#  - python3-venv: install/setup-venv.sh's .venv;
#  - python3-pytest, python3-jupyter-kernel-test: the conformance suite (Debian's own Python);
#  - chromium: the browser tests (Playwright drives it; no browser is ever downloaded);
#  - texlive-*, pandoc, poppler-utils: PDF handouts through nbconvert and reading them back;
#  - fonts-dejavu-core: the kernel's PNG diagrams.
set -euo pipefail

packages=(python3-venv python3-pytest python3-jupyter-kernel-test chromium fonts-dejavu-core
          texlive-xetex texlive-fonts-recommended texlive-plain-generic pandoc poppler-utils)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    echo "test-deps: installing ${missing[*]}" >&2
    # a stale or empty package list cannot find them: refresh it first
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
    echo "test-deps: missing Debian packages (tests that need them will skip): ${missing[*]}" >&2
    echo "test-deps: as root: apt-get install ${missing[*]}" >&2
fi
