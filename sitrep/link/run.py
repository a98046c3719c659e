"""`sitrep link`: link what new articles bring, in one transaction, touching nothing else.

An article is new until it has a row in `link_articles`. For the new articles: their source groups
(`sources`), their entities and every person of a surname they mention (`entities`), their events and
every stored event connected to them (`events`), and the figures of their claims plus those whose linked
event was rebuilt (`claims`). With no new article, linking changes nothing.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from sitrep.errors import StoreError
from sitrep.link import claims, entities, events, sources
from sitrep.link.tables import temp_keys
from sitrep.store.store import Store

BATCH = 2000  # articles linked per step, to bound memory on a first link of a large database


@dataclass
class LinkReport:
    """What one link run did."""

    articles: int = 0
    canonical_entities: int = 0
    linked_events: int = 0


def pending(conn: sqlite3.Connection) -> list[str]:
    """Ids of stored articles not linked yet, by publication date."""
    return [
        row[0]
        for row in conn.execute(
            "SELECT a.id FROM articles a LEFT JOIN link_articles l ON l.article_id = a.id"
            " WHERE l.article_id IS NULL ORDER BY a.published, a.id"
        )
    ]


def link_batch(conn: sqlite3.Connection, article_ids: list[str]) -> LinkReport:
    """Link these (not yet linked) articles; the caller owns the transaction."""
    texts = [
        sources.Text(aid, published, text)
        for aid, published, text in conn.execute(
            "SELECT a.id, a.published, a.text FROM articles a"
            f" WHERE a.id IN ({','.join('?' * len(article_ids))})",
            article_ids,
        )
    ]
    groups, regrouped = sources.group(conn, texts)
    conn.executemany(
        "INSERT INTO link_articles (article_id, published, source_group, signature) VALUES (?, ?, ?, ?)",
        [(t.article_id, t.published, *groups[t.article_id]) for t in texts],
    )
    conn.executemany(
        "UPDATE link_articles SET source_group = ? WHERE article_id = ?",
        [(group, article_id) for article_id, group in regrouped.items()],
    )
    touched_entities = entities.link_entities(conn, article_ids)
    _, written = events.relink(conn, article_ids)
    if regrouped:  # their merged events count independent sources again
        temp_keys(conn, "regrouped_articles", regrouped)
        recount = {
            row[0]
            for row in conn.execute(
                "SELECT DISTINCT linked_event_id FROM linked_event_members"
                " WHERE article_id IN (SELECT key FROM temp.regrouped_articles)"
            )
        }
        events.summarize(conn, recount - written)
    claims.relink(conn, article_ids, written)
    return LinkReport(len(article_ids), len(touched_entities), len(written))


def link(store: Store) -> LinkReport:
    """Link every stored article not linked yet, in batches of `BATCH`, each its own transaction."""
    conn = store.connection
    total = LinkReport()
    todo = pending(conn)
    for start in range(0, len(todo), BATCH):
        batch = todo[start : start + BATCH]
        try:
            conn.execute("BEGIN IMMEDIATE")
            done = link_batch(conn, batch)
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(f"{store.path}: cannot link: {' '.join(str(exc).split())}") from exc
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        total.articles += done.articles
        total.canonical_entities += done.canonical_entities
        total.linked_events += done.linked_events
    return total
