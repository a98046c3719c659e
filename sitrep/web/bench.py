"""API latency on a large database: 100,000 synthetic events, every list endpoint over loopback HTTP.

The database is written with bulk inserts straight into the store's schema (running the pipeline over
10,000 articles would take an hour and measure the pipeline, not the API). The server is the real one,
`sitrep serve`, in its own process; the client keeps one HTTP connection open and times each request
from sending to the last byte. The target is p95 ≤ 50 ms for every list endpoint.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from sitrep.model import PLOVER_TYPES
from sitrep.store.rows import text_hash
from sitrep.store.store import Store

TARGET_MS = 50.0
_PLACES = (
    ("Kupiansk", 49.7107, 37.6156, "UA"),
    ("Kharkiv", 49.9808, 36.2527, "UA"),
    ("Vovchansk", 50.2905, 36.9410, "UA"),
    ("Pokrovsk", 48.2820, 37.1758, "UA"),
    ("Kramatorsk", 48.7230, 37.5564, "UA"),
    ("Donetsk", 48.0159, 37.8029, "UA"),
    ("Kherson", 46.6354, 32.6169, "UA"),
    ("Belgorod", 50.5977, 36.5858, "RU"),
    ("El Fasher", 13.6279, 25.3494, "SD"),
    ("Khartoum", 15.5007, 32.5599, "SD"),
    ("Bamako", 12.6392, -8.0029, "ML"),
    ("Ouagadougou", 12.3714, -1.5197, "BF"),
)
_ADMIN1 = {
    "Kupiansk": "Kharkiv Oblast",
    "Kharkiv": "Kharkiv Oblast",
    "Vovchansk": "Kharkiv Oblast",
    "Pokrovsk": "Donetsk Oblast",
    "Kramatorsk": "Donetsk Oblast",
    "Donetsk": "Donetsk Oblast",
    "Kherson": "Kherson Oblast",
    "Belgorod": "Belgorod Oblast",
    "El Fasher": "North Darfur",
    "Khartoum": "Khartoum",
    "Bamako": "Bamako",
    "Ouagadougou": "Centre",
}
_ACTORS = ("Russian forces", "Ukrainian troops", "RSF fighters", "Sudanese army", "police", "protesters")
_ACLED = {"ASSAULT": "Battles", "PROTEST": "Protests", "COERCE": "Violence against civilians"}
_WORDS = ("shelling", "strike", "drone", "convoy", "market", "bridge", "village", "evacuation", "ceasefire")


def build_database(path: Path, events: int = 100_000, per_article: int = 10, seed: int = 7) -> dict[str, int]:
    """A database with `events` events spread over `events // per_article` articles, each with entities,
    places, claims with quantities, mentions and evidence spans, as the store's schema holds them."""
    rng = random.Random(seed)
    path.unlink(missing_ok=True)
    with Store(path) as store:
        conn = store.connection
        conn.execute("BEGIN")
        start_day = dt.date(2024, 1, 1)
        counts = {"articles": 0, "events": 0, "incidents": 0, "entities": 0, "places": 0, "claims": 0}
        for number in range(events // per_article):
            aid = f"syn-{number:06d}"
            day = start_day + dt.timedelta(days=number % 365)
            sentence = (
                f"{rng.choice(_ACTORS)} reported a {rng.choice(_WORDS)} near {rng.choice(_PLACES)[0]}. "
            )
            text = f"{sentence * 4}Article {number} about {' '.join(rng.sample(_WORDS, 3))}."
            conn.execute(
                "INSERT INTO articles (id, published, title, source, url, language, text, text_hash,"
                " stored_at) VALUES (?, ?, ?, ?, NULL, 'en', ?, ?, ?)",
                (
                    aid,
                    day.isoformat(),
                    f"Report {number}",
                    f"Outlet {number % 40}",
                    text,
                    text_hash(text),
                    "x",
                ),
            )
            actors = rng.sample(_ACTORS, 2)
            conn.executemany(
                "INSERT INTO entities (article_id, id, seq, name, type, kind, country, aliases)"
                " VALUES (?, ?, ?, ?, 'NORP', 'state_forces', NULL, ?)",
                [(aid, f"ent-{i + 1}", i, name, json.dumps([name])) for i, name in enumerate(actors)],
            )
            places = rng.sample(_PLACES, 2)
            conn.executemany(
                "INSERT INTO places (article_id, id, seq, name, latitude, longitude, country_code, admin1,"
                " geonames_id, feature, precision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PPL', 1)",
                [
                    (
                        aid,
                        f"pl-{i + 1}",
                        i,
                        name,
                        lat,
                        lon,
                        cc,
                        _ADMIN1[name],
                        1000 + _PLACES.index((name, lat, lon, cc)),
                    )
                    for i, (name, lat, lon, cc) in enumerate(places)
                ],
            )
            conn.executemany(
                'INSERT INTO mentions (article_id, entity_id, place_id, seq, start, "end", text)'
                " VALUES (?, ?, NULL, 0, 0, 5, ?)",
                [(aid, f"ent-{i + 1}", text[:5]) for i in range(2)],
            )
            conn.execute(
                "INSERT INTO claims (article_id, id, seq, kind, speaker_entity_id, speaker_start,"
                " speaker_end, speaker_text, cue_start, cue_end, cue_text, content_start, content_end,"
                " content_text, via)"
                " VALUES (?, 'cl-1', 0, 'indirect', 'ent-1', 0, 5, ?, NULL, NULL, NULL, 0, ?, ?, '[]')",
                (aid, actors[0], len(sentence), sentence),
            )
            conn.execute(
                "INSERT INTO quantities (article_id, claim_id, seq, value, unit, text)"
                " VALUES (?, 'cl-1', 0, ?, 'civilians', 'some')",
                (aid, rng.randint(1, 30)),
            )
            rows = []
            evidence = []
            for seq in range(per_article):
                event_type = rng.choice(PLOVER_TYPES) if seq % 3 else "ASSAULT"
                date = (day - dt.timedelta(days=rng.randint(0, 2))).isoformat()
                status = _status(seq, per_article)
                rows.append(
                    (
                        aid, f"ev-{seq + 1}", seq, event_type,
                        _ACLED.get(event_type) if status == "incident" else None, seq, seq + 5,
                        text[seq : seq + 5], "ent-1", 0, 5, actors[0], "ent-2", 6, 10, actors[1],
                        f"pl-{seq % 2 + 1}", date, rng.choice((None, rng.randint(0, 20))), status,
                    )
                )  # fmt: skip
                evidence.append((aid, f"ev-{seq + 1}", 0, len(sentence), sentence))
            conn.executemany(
                "INSERT INTO events (article_id, id, seq, type, mode, acled_event_type, acled_sub_event_type,"
                " trigger_start, trigger_end, trigger_text, actor1_entity_id, actor1_start, actor1_end,"
                " actor1_text, actor1_country, actor1_kind, actor2_entity_id, actor2_start, actor2_end,"
                " actor2_text, actor2_country, actor2_kind, place_id, date, date_precision, fatalities,"
                " negated, hypothetical, status, attributed_to, confidence)"
                " VALUES (?, ?, ?, ?, NULL, ?, NULL, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, NULL, NULL,"
                " ?, ?, 1, ?, 0, 0, ?, NULL, 0.8)",
                rows,
            )
            conn.executemany(
                'INSERT INTO evidence (article_id, event_id, claim_id, relation_seq, seq, start, "end", text)'
                " VALUES (?, ?, NULL, NULL, 0, ?, ?, ?)",
                [(a, e, s, t, x) for a, e, s, t, x in evidence],
            )
            counts["articles"] += 1
            counts["events"] += per_article
            counts["incidents"] += sum(_status(seq, per_article) == "incident" for seq in range(per_article))
            counts["entities"] += 2
            counts["places"] += 2
            counts["claims"] += 1
        counts.update(_link(conn))
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
    return counts


def _status(seq: int, per_article: int) -> str:
    """The last event of each article is told as background (an older incident), so listings filter on
    status over a realistic share of mentions that are not incidents."""
    return "background" if seq == per_article - 1 else "incident"


REPORTS_PER_EVENT = 3

# The link tables as `sitrep link` leaves them, written in bulk: the incidents at the same position of
# three consecutive articles are one merged event (any other status stays a merged event of its own);
# each pair of consecutive articles is one source group (a wire copy); every entity of one name is one
# canonical entity; the figures of the first event's claims form one claim group per merged event.
_LINK_SQL = (
    "INSERT INTO link_articles (article_id, published, source_group, signature)"
    " SELECT id, published, 'syn-' || printf('%06d', (CAST(substr(id, 5) AS INTEGER) / 2) * 2), x''"
    " FROM articles",
    "INSERT INTO linked_event_members (linked_event_id, article_id, event_id, published, seq, family, mode,"
    " day, window_before, window_after, latitude, longitude, radius_km, cell, actor1_country,"
    " actor2_country, mergeable)"
    " SELECT 'le-' || CASE WHEN e.status = 'incident'"
    " THEN printf('%06d', CAST(substr(e.article_id, 5) AS INTEGER) / :per) ELSE e.article_id END"
    " || '-' || e.seq,"
    " e.article_id, e.id, a.published, e.seq, e.type, e.mode, julianday(e.date), 0, 0, p.latitude,"
    " p.longitude, 10, CAST(CAST(p.latitude AS INTEGER) AS TEXT) || ':' || CAST(CAST(p.longitude AS INTEGER)"
    " AS TEXT), NULL, NULL, e.status = 'incident'"
    " FROM events e JOIN articles a ON a.id = e.article_id"
    " LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id",
    "INSERT INTO linked_events (id, type, mode, acled_event_type, acled_sub_event_type, date, date_precision,"
    " place_name, latitude, longitude, country_code, actor1, actor2, fatalities_low, fatalities_high,"
    " reports, independent_sources, first_published, last_published, status, admin1, sources)"
    " SELECT m.linked_event_id, min(e.type), NULL, min(e.acled_event_type), NULL, min(e.date), 1,"
    " min(p.name), min(p.latitude), min(p.longitude), min(p.country_code), min(e.actor1_text),"
    " min(e.actor2_text), min(e.fatalities), max(e.fatalities), count(DISTINCT m.article_id),"
    " count(DISTINCT l.source_group), min(m.published), max(m.published), min(e.status), min(p.admin1),"
    " json_group_array(DISTINCT a.source)"
    " FROM linked_event_members m JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id"
    " JOIN link_articles l ON l.article_id = m.article_id JOIN articles a ON a.id = m.article_id"
    " LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id"
    " GROUP BY m.linked_event_id",
    "INSERT INTO canonical_entity_members (canonical_id, article_id, entity_id, reason, key, block)"
    " SELECT 'ce-' || lower(name), article_id, id, 'same name', lower(name), NULL FROM entities",
    "INSERT INTO canonical_entities (id, name, type, kind, country, aliases, articles)"
    " SELECT 'ce-' || lower(name), name, min(type), min(kind), NULL, json_array(name),"
    " count(DISTINCT article_id) FROM entities GROUP BY name",
    "INSERT INTO claim_group_members (group_id, article_id, claim_id, quantity_seq, value, unit, text,"
    " measure, side, event_id, speaker, via)"
    " SELECT 'cg-' || m.linked_event_id, q.article_id, q.claim_id, q.seq, q.value, q.unit, q.text,"
    " 'fatalities', 'people', m.event_id, c.speaker_text, '[]'"
    " FROM quantities q JOIN claims c ON c.article_id = q.article_id AND c.id = q.claim_id"
    " JOIN linked_event_members m ON m.article_id = q.article_id AND m.event_id = 'ev-1'",
    "INSERT INTO claim_groups (id, measure, side, linked_event_id, low, high, members, disagrees)"
    " SELECT group_id, 'fatalities', 'people', substr(group_id, 4), min(value), max(value), count(*),"
    " min(value) <> max(value) FROM claim_group_members GROUP BY group_id",
)


def _link(conn: sqlite3.Connection) -> dict[str, int]:
    """Fill the link tables in bulk (see `_LINK_SQL`); return what they hold."""
    for statement in _LINK_SQL:
        conn.execute(statement, {"per": REPORTS_PER_EVENT} if ":per" in statement else {})
    linked_events, groups = conn.execute(
        "SELECT (SELECT count(*) FROM linked_events), (SELECT count(*) FROM claim_groups)"
    ).fetchone()
    return {"linked_events": linked_events, "claim_groups": groups}


# Each list endpoint with its default page, a deep page, and the filters the UI uses.
REQUESTS: dict[str, list[str]] = {
    "/api/articles": [
        "",
        "?offset=5000",
        "?since=2024-03-01&until=2024-03-31",
        "?q=drone",
        "?source=outlet%207",
    ],
    "/api/events": [
        "",
        "?offset=20000",
        "?type=ASSAULT",
        "?type=Battles",
        "?since=2024-06-01&until=2024-06-07",
        "?bbox=22,44,41,53",
        "?place=kupiansk",
        "?actor=rsf",
        "?q=convoy",
        "?located=true&limit=500",
        "?per_report=true",
        "?per_report=true&offset=20000",
        "?per_report=true&type=ASSAULT&since=2024-06-01&until=2024-06-30",
        "?status=any",
        "?status=background",
        "?per_report=true&status=background&offset=5000",
        "?facet=country",
        "?facet=type&facet=acled",
        "?facet=admin1&country=UA",
        "?facet=actor&since=2024-06-01&until=2024-06-30",
        "?facet=source&type=ASSAULT",
        "?sort=-fatalities",
        "?sort=-sources&acled_only=true",
        "?admin1=Kharkiv%20Oblast&sort=place",
    ],
    "/api/entities": [
        "",
        "?offset=0&limit=100",
        "?type=NORP",
        "?name=forces",
        "?per_article=true&name=forces",
    ],
    "/api/claims": ["", "?offset=5000", "?since=2024-03-01&until=2024-03-31", "?q=strike", "?speaker=police"],
    "/api/claim-groups": [
        "",
        "?offset=1000",
        "?disagreeing=true",
        "?since=2024-03-01&until=2024-03-31",
        "?speaker=police",
    ],
    "/api/places": ["", "?country=UA", "?bbox=22,44,41,53", "?name=kh"],
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait(port: int, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("sitrep serve exited before answering")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("sitrep serve did not answer in time")


def measure(db: Path, rounds: int = 20) -> dict[str, Any]:
    """p50/p95/max milliseconds per list endpoint (all its variants together) against `sitrep serve`."""
    port = _free_port()
    command = [sys.executable, "-c", "from sitrep.cli import main; main()", "serve", "--db", str(db)]
    command += ["--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait(port, server)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        results: dict[str, Any] = {}
        for path, variants in REQUESTS.items():
            timings: list[float] = []
            by_variant: dict[str, list[float]] = {variant: [] for variant in variants}
            for variant in variants:  # one warm-up request each, not timed
                conn.request("GET", path + variant)
                conn.getresponse().read()
            for _ in range(rounds):
                for variant in variants:
                    started = time.perf_counter()
                    conn.request("GET", path + variant)
                    response = conn.getresponse()
                    response.read()
                    timings.append((time.perf_counter() - started) * 1000)
                    by_variant[variant].append(timings[-1])
                    if response.status != 200:
                        raise RuntimeError(f"{path}{variant}: HTTP {response.status}")
            timings.sort()
            results[path] = {
                "requests": len(timings),
                "p50_ms": statistics.median(timings),
                "p95_ms": timings[max(0, int(round(0.95 * len(timings))) - 1)],
                "max_ms": timings[-1],
                "median_ms_by_query": {v or "(default)": statistics.median(t) for v, t in by_variant.items()},
            }
        conn.close()
        return results
    finally:
        server.terminate()
        server.wait(timeout=10)


def report(counts: dict[str, int], build_s: float, results: dict[str, Any]) -> str:
    lines = [
        f"API latency, loopback, {counts['events']:,} events ({counts.get('linked_events', 0):,} merged)"
        f" / {counts['articles']:,} articles"
        f" (built in {build_s:.1f} s); target p95 ≤ {TARGET_MS:.0f} ms",
        f"{'endpoint':<18}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}",
    ]
    for path, row in results.items():
        flag = "" if row["p95_ms"] <= TARGET_MS else "  over target"
        lines.append(
            f"{path:<18}{row['requests']:>9}{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}{row['max_ms']:>9.1f}{flag}"
        )
    return "\n".join(lines)


def run(out_dir: Path, events: int = 100_000) -> dict[str, Any]:
    """Build the database under `out_dir`, measure, print the table, write `web.json`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    db = out_dir / "web-bench.db"
    started = time.perf_counter()
    counts = build_database(db, events)
    build_s = time.perf_counter() - started
    results = measure(db)
    print(report(counts, build_s, results))
    summary = {"counts": counts, "build_s": build_s, "target_ms": TARGET_MS, "endpoints": results}
    (out_dir / "web.json").write_text(json.dumps(summary, indent=1))
    return summary
