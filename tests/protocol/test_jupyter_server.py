"""The kernel behind jupyter_server, the server JupyterLab and Notebook 7 talk to: started by
name, reached over the websocket JupyterLab uses, it answers kernel_info and history at once and
the server reports it idle (a kernel that leaves history unanswered stays "Unknown" in JupyterLab).
"""

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid

import pytest
from tornado.websocket import websocket_connect

from kernel_messages import TIMEOUT

TOKEN = uuid.uuid4().hex


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api(port, method, path, body=None):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": f"token {TOKEN}"})
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        text = response.read()
        return json.loads(text) if text else None


def eventually(check, what):
    """Polls check() until it is true; the deadline is a safety net, not a timing assertion."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    pytest.fail(f"never happened: {what}")


@pytest.fixture
def server(tmp_path):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyter_server", "--no-browser", "--allow-root", f"--ServerApp.port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={tmp_path}"],
        env={**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path / "config"), "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt")},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def up():
        try:
            return api(port, "GET", "status") is not None
        except OSError:
            return False

    try:
        eventually(up, "jupyter_server answers")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=TIMEOUT)


def message(msg_type, content, channel="shell"):
    return {"header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": uuid.uuid4().hex,
                       "username": "test", "date": "", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "content": content, "channel": channel}


async def replies_over_websocket(port, kernel_id, requests):
    url = f"ws://127.0.0.1:{port}/api/kernels/{kernel_id}/channels?token={TOKEN}"
    ws = await websocket_connect(url)
    wanted = {r["header"]["msg_id"]: r["header"]["msg_type"] for r in requests}
    for request in requests:
        await ws.write_message(json.dumps(request))
    replies = {}
    while len(replies) < len(wanted):
        msg = json.loads(await asyncio.wait_for(ws.read_message(), TIMEOUT))
        parent = msg.get("parent_header", {}).get("msg_id")
        if msg["channel"] == "shell" and parent in wanted:
            replies[wanted[parent]] = msg
    ws.close()
    return replies


def test_jupyter_server_starts_the_kernel_and_shows_it_idle(server):
    kernel = api(server, "POST", "kernels", {"name": "syssim"})
    try:
        replies = asyncio.run(replies_over_websocket(server, kernel["id"], [
            message("kernel_info_request", {}),
            message("history_request", {"hist_access_type": "tail", "n": 1000, "output": False, "raw": True}),
        ]))
        assert replies["kernel_info_request"]["content"]["status"] == "ok"
        assert replies["kernel_info_request"]["content"]["language_info"]["name"] == "syssim"
        assert replies["history_request"]["content"]["status"] == "ok"
        eventually(lambda: api(server, "GET", f"kernels/{kernel['id']}")["execution_state"] == "idle",
                   "the server reports the kernel idle")
    finally:
        api(server, "DELETE", f"kernels/{kernel['id']}")
