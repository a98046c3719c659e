"""Load on `sitrep serve`: a bounded number of loopback clients at once, each on its own keep-alive
connection, asking the list endpoints in turn (the variants of `sitrep.web.bench.REQUESTS`).

For each number of clients: requests, errors (any answer but 200, or a broken connection), requests per
second, p50/p95/p99 latency in milliseconds, and the server's resident memory before and at its peak
(`VmHWM`, Linux). The clients are threads of one process, so at 200 clients the client side shares the
machine with the server; the figures are an upper bound on the latency a client sees.
"""

from __future__ import annotations

import http.client
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from sitrep.web.bench import REQUESTS, _free_port, _wait

CLIENTS = (50, 200)
PER_CLIENT = 20


def _memory_mb(pid: int) -> dict[str, float]:
    """Resident and peak resident memory of a process and its children (the workers), in MB, summed
    (empty off Linux)."""
    found: dict[str, float] = {}
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    for process in [pid, *map(int, children)]:
        try:
            lines = Path(f"/proc/{process}/status").read_text().splitlines()
        except OSError:
            continue
        for line in lines:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = found.get(key, 0.0) + int(value.split()[0]) / 1024
    return found


def _paths() -> list[str]:
    return [path + variant for path, variants in REQUESTS.items() for variant in variants]


def _client(port: int, paths: list[str], start: int, count: int, out: list[float], errors: list[str]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for number in range(count):
        path = paths[(start + number) % len(paths)]
        began = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors.append(f"{path}: HTTP {response.status}")
        except (OSError, http.client.HTTPException) as exc:
            errors.append(f"{path}: {type(exc).__name__}")
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        out.append((time.perf_counter() - began) * 1000)
    conn.close()


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(share * len(ordered))) - 1)] if ordered else 0.0


def load(port: int, clients: int, per_client: int = PER_CLIENT) -> dict[str, Any]:
    """One round: `clients` threads, `per_client` requests each, all started together."""
    paths = _paths()
    timings: list[list[float]] = [[] for _ in range(clients)]
    errors: list[str] = []
    threads = [
        threading.Thread(target=_client, args=(port, paths, n * 7, per_client, timings[n], errors))
        for n in range(clients)
    ]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    every = [t for client in timings for t in client]
    return {
        "clients": clients,
        "requests": len(every),
        "errors": len(errors),
        "error_examples": sorted(set(errors))[:5],
        "requests_per_s": len(every) / elapsed if elapsed else 0.0,
        "p50_ms": _percentile(every, 0.50),
        "p95_ms": _percentile(every, 0.95),
        "p99_ms": _percentile(every, 0.99),
        "max_ms": max(every, default=0.0),
    }


def run(
    db: Path, clients: tuple[int, ...] = CLIENTS, per_client: int = PER_CLIENT, workers: int = 1
) -> dict[str, Any]:
    """Start `sitrep serve --workers N` on the database, warm it up, then one round per number of
    clients (memory summed over the server and its worker processes)."""
    port = _free_port()
    command = [sys.executable, "-c", "from sitrep.cli import main; main()", "serve", "--db", str(db)]
    command += ["--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait(port, server)
        load(port, 1, len(_paths()))  # every variant once, not counted
        before = _memory_mb(server.pid)
        rounds = []
        for count in clients:
            result = load(port, count, per_client)
            result["server_mb"] = _memory_mb(server.pid)
            rounds.append(result)
        return {"workers": workers, "server_mb_before": before, "rounds": rounds}
    finally:
        server.terminate()
        server.wait(timeout=10)


def report(results: dict[str, Any]) -> str:
    before = results["server_mb_before"].get("VmRSS", 0.0)
    lines = [
        f"API under load, loopback, list endpoints, {results['workers']} server process(es);"
        f" {before:.0f} MB resident before",
        f"{'clients':>8}{'requests':>9}{'errors':>7}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
        f"{'RSS MB':>8}{'peak MB':>8}",
    ]
    for row in results["rounds"]:
        memory = row["server_mb"]
        lines.append(
            f"{row['clients']:>8}{row['requests']:>9}{row['errors']:>7}{row['requests_per_s']:>8.0f}"
            f"{row['p50_ms']:>9.0f}{row['p95_ms']:>9.0f}{row['p99_ms']:>9.0f}"
            f"{memory.get('VmRSS', 0.0):>8.0f}{memory.get('VmHWM', 0.0):>8.0f}"
        )
    return "\n".join(lines)
