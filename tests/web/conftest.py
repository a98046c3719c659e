"""Fixtures for the web tests: sitrep's real app served over loopback HTTP by uvicorn."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from sitrep.web import create_app
from sitrep.web.settings import Settings


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def live_server() -> Iterator[Callable[[Settings], int]]:
    """Start the app with these settings on a free loopback port and give the port; every server a
    module starts stops when the module's tests are done."""
    running: list[tuple[Any, threading.Thread]] = []

    def start(settings: Settings) -> int:
        import uvicorn

        port = _free_port()
        config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="critical")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        running.append((server, thread))
        deadline = time.monotonic() + 20
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return port

    yield start
    for server, thread in running:
        server.should_exit = True
        thread.join(timeout=10)
