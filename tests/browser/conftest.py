"""A real JupyterLab 4 / Notebook 7 server (from .venv) on 127.0.0.1 with the syssim kernel the test
session installed, and Debian's Chromium driven by Playwright (never a downloaded browser).

One `jupyter lab` server serves both front ends: JupyterLab under /lab, Notebook 7 (installed in
the same environment) under /notebooks. Its config, data, runtime, settings and workspace
directories are temporary, so nothing of the machine's Jupyter leaks in, and its notebook secret is
new: a notebook the tests did not run in it is untrusted, as a student's downloaded handout is.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid

import pytest

from handout_support import need_module, need_program

CHROMIUM = "/usr/bin/chromium"
# Safety net for a server that never comes up; not a timing assertion.
START_TIMEOUT = 120


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, root, port, token, process, log, data):
        self.root, self.port, self.token, self.process, self.log = root, port, token, process, log
        self.data = data  # JUPYTER_DATA_DIR: a kernelspec written under data/kernels is found at once

    def url(self, path):
        return f"http://127.0.0.1:{self.port}/{path}?token={self.token}"

    def status(self):
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}/api/status",
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.loads(response.read())


def write_settings(directory):
    """JupyterLab settings: no 'official Jupyter news?' question over the notebook (and no fetching)."""
    notification = directory / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    notification.parent.mkdir(parents=True)
    notification.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))


# Module scope, not session: Playwright's sync API keeps an asyncio loop running in the main thread
# while it is started, which would break later tests that call asyncio.run (tests/protocol).
@pytest.fixture(scope="module")
def jupyter_server(tmp_path_factory):
    base = tmp_path_factory.mktemp("jupyter")
    root = base / "root"
    root.mkdir()
    write_settings(base / "settings")
    port, token = free_port(), uuid.uuid4().hex
    env = {**os.environ,  # JUPYTER_PATH (the syssim kernel the session installed) comes from tests/conftest.py
           "JUPYTER_CONFIG_DIR": str(base / "config"), "JUPYTER_DATA_DIR": str(base / "data"),
           "JUPYTER_RUNTIME_DIR": str(base / "runtime"), "JUPYTERLAB_SETTINGS_DIR": str(base / "settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(base / "workspaces")}
    log = open(base / "server.log", "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root",
         "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
         "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         "--LabApp.extension_manager=readonly"],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    server = Server(root, port, token, process, base / "server.log", base / "data")
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        if process.poll() is not None:
            pytest.fail(f"jupyter lab exited with {process.returncode}:\n{server.log.read_text()}")
        try:
            server.status()
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"jupyter lab did not answer on port {port}:\n{server.log.read_text()}")
            time.sleep(0.2)
    try:
        yield server
    finally:
        process.terminate()  # the server shuts its kernels down on SIGTERM
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="module")
def browser():
    need_program(CHROMIUM, "chromium")
    sync_api = need_module("playwright.sync_api", "playwright")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--no-first-run", "--disable-dev-shm-usage"])
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(60_000)
    # What the browser's console reports as errors, uncaught exceptions included: a test asserts
    # there are none (besides JupyterLab's own, see test_front_ends.console_errors).
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(f"pageerror: {error}"))
    page.on("console", lambda message: page.errors.append(f"console.error: {message.text}")
            if message.type == "error" else None)
    try:
        yield page
    finally:
        context.close()
