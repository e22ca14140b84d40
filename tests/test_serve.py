"""`make serve` shows the site and rebuilds when data changes."""

import os
import signal
import socket
import subprocess
import time
import urllib.request

from tests.site import ENV, VENV, copy_project


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode()
    except OSError:
        return None


def _wait_for(check, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(0.5)
    return None


def test_make_serve_shows_the_site_and_reloads_on_data_changes(tmp_path):
    project = copy_project(tmp_path / "project")
    address = f"127.0.0.1:{_free_port()}"
    server = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"VENV={VENV}", f"SERVE_ADDR={address}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        page = _wait_for(lambda: _get(f"http://{address}/signs/"))
        assert page and "Signs of hyper-independence" in page

        signs = project / "data" / "signs.yml"
        signs.write_text(
            signs.read_text().replace("label: Never asking for help", "label: Never asking anyone")
        )
        assert _wait_for(lambda: "Never asking anyone" in (_get(f"http://{address}/signs/") or ""))
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # make and the mkdocs it started
        server.wait(timeout=20)
