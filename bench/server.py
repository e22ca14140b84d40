"""A loopback server that answers like GitHub Pages (gzip for text, a 10-minute cache)
and counts every byte it sends, so page weight is measured at the wire."""

import gzip
import os
import threading
from email.utils import formatdate

from tests.browser import SiteHandler

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}
CACHE_SECONDS = 600  # what GitHub Pages sends


class Ledger:
    """Bytes sent per request path, across the server's threads."""

    def __init__(self):
        self._lock = threading.Lock()
        self.entries: list[tuple[str, int]] = []

    def add(self, path: str, size: int) -> None:
        with self._lock:
            self.entries.append((path, size))

    def reset(self) -> None:
        with self._lock:
            self.entries = []

    @property
    def total(self) -> int:
        return sum(size for _, size in self.entries)


class _CountingWriter:
    def __init__(self, raw, on_write):
        self._raw, self._on_write = raw, on_write

    def write(self, data):
        self._on_write(len(data))
        return self._raw.write(data)

    def __getattr__(self, name):
        return getattr(self._raw, name)


class GzipCachingHandler(SiteHandler):
    ledger = Ledger()  # replaced per server by handler_for()

    def setup(self):
        super().setup()
        self._sent = 0
        self.wfile = _CountingWriter(self.wfile, self._count)

    def _count(self, size: int) -> None:
        self._sent += size

    def handle_one_request(self):
        self._sent = 0
        super().handle_one_request()
        if self._sent and getattr(self, "path", None):
            self.ledger.add(self.path, self._sent)

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        extension = os.path.splitext(path)[1]
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (os.path.isfile(path) and extension in COMPRESSIBLE and accepts_gzip):
            return super().do_GET()
        with open(path, "rb") as file:
            body = gzip.compress(file.read(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", formatdate(os.path.getmtime(path), usegmt=True))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self):
        self.send_header("Cache-Control", f"max-age={CACHE_SECONDS}")
        super().end_headers()


def handler_for(ledger: Ledger) -> type:
    """A handler class that records into its own ledger."""
    return type("LedgerHandler", (GzipCachingHandler,), {"ledger": ledger})
