"""`make serve` shows the site, and live reload rewrites the banner when data/ changes."""

import os
import signal
import socket
import subprocess
import time
import urllib.request

import yaml

from tests.site import ENV, VENV, copy_project


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _shows(url: str, words: str, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if words in response.read().decode():
                    return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_make_serve_shows_the_site_and_reloads_the_banner_when_data_changes(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "crisis_lines.yml"
    region = yaml.safe_load(path.read_text(encoding="utf-8"))["emergency"][0]["region"]
    address = f"127.0.0.1:{_free_port()}"
    command = ["make", "--no-print-directory", "serve", f"VENV={VENV}", f"SERVE_ADDR={address}"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    server = subprocess.Popen(command, cwd=project, env=ENV, start_new_session=True, **quiet)
    try:
        assert _shows(f"http://{address}/", f'data-regions="{region}'), "the banner never showed"
        text = path.read_text(encoding="utf-8").replace(f"region: {region}", "region: Somewhere new", 1)
        path.write_text(text, encoding="utf-8")
        assert _shows(f"http://{address}/", 'data-regions="Somewhere new'), "live reload missed the change"
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # make and the mkdocs it started
        server.wait(timeout=20)
