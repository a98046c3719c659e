"""Map an Article and its Extraction to table rows and back, so the store round-trips the contract exactly.

Kept apart from `Store` so the SQL that writes and the SQL that reads sit side by side: a column added
to one and forgotten in the other is easy to spot here. Lists keep their order through a `seq` column.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections import defaultdict
from typing import Any

from sitrep.model import (
    Actor,
    Article,
    Claim,
    Document,
    Entity,
    Event,
    Extraction,
    Place,
    Quantity,
    Relation,
    Span,
    SpeakerRef,
    Timex,
)

Row = tuple[Any, ...]


def text_hash(text: str) -> str:
    """Hash of the text with whitespace collapsed and case folded: the key that spots duplicate articles."""
    normalized = " ".join(text.split()).casefold()
    return hashlib.sha256(normalized.encode()).hexdigest()


def _span(span: Span | None) -> Row:
    return (None, None, None) if span is None else (span.start, span.end, span.text)


def _actor(actor: Actor | None) -> Row:
    if actor is None:
        return (None,) * 6
    return (actor.entity_id, actor.start, actor.end, actor.text, actor.country, actor.kind)


def _integer(value: int | None) -> int | None:
    """A whole number SQLite can hold (64 bits); a larger one is no count of anything, so none."""
    return value if value is None or -(2**63) <= value < 2**63 else None


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def write(conn: sqlite3.Connection, article: Article, extraction: Extraction) -> None:
    """Insert every row of one article; the caller owns the transaction."""
    aid = article.id
    conn.execute(
        "INSERT INTO articles (id, published, title, source, url, language, text, text_hash, stored_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            aid,
            article.published.isoformat(),
            article.title,
            article.source,
            article.url,
            article.language,
            article.text,
            text_hash(article.text),
            dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        ),
    )
    mentions: list[Row] = []
    for seq, entity in enumerate(extraction.entities):
        conn.execute(
            "INSERT INTO entities (article_id, id, seq, name, type, kind, country, aliases)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                aid,
                entity.id,
                seq,
                entity.name,
                entity.type,
                entity.kind,
                entity.country,
                json.dumps(entity.aliases, ensure_ascii=False),
            ),
        )
        mentions.extend((aid, entity.id, None, i, *_span(m)) for i, m in enumerate(entity.mentions))
    for seq, place in enumerate(extraction.places):
        conn.execute(
            "INSERT INTO places (article_id, id, seq, name, latitude, longitude, country_code, admin1,"
            " admin2, geonames_id, feature, precision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                aid,
                place.id,
                seq,
                place.name,
                place.lat,
                place.lon,
                place.country_code,
                place.admin1,
                place.admin2,
                place.geonames_id,
                place.feature,
                place.precision,
            ),
        )
        mentions.extend((aid, None, place.id, i, *_span(m)) for i, m in enumerate(place.mentions))
    conn.executemany(
        'INSERT INTO mentions (article_id, entity_id, place_id, seq, start, "end", text)'
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        mentions,
    )
    conn.executemany(
        'INSERT INTO timexes (article_id, seq, start, "end", text, value, precision)'
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (aid, seq, t.start, t.end, t.text, t.value, t.precision)
            for seq, t in enumerate(extraction.timexes)
        ],
    )
    evidence: list[Row] = []
    for seq, claim in enumerate(extraction.claims):
        _write_claim(conn, aid, seq, claim)
        evidence.extend((aid, None, claim.id, None, i, *_span(s)) for i, s in enumerate(claim.evidence))
    for seq, event in enumerate(extraction.events):
        _write_event(conn, aid, seq, event)
        evidence.extend((aid, event.id, None, None, i, *_span(s)) for i, s in enumerate(event.evidence))
    for seq, relation in enumerate(extraction.relations):
        conn.execute(
            "INSERT INTO relations (article_id, seq, subject, predicate, object) VALUES (?, ?, ?, ?, ?)",
            (aid, seq, relation.subject, relation.predicate, relation.object),
        )
        evidence.extend((aid, None, None, seq, i, *_span(s)) for i, s in enumerate(relation.evidence))
    conn.executemany(
        'INSERT INTO evidence (article_id, event_id, claim_id, relation_seq, seq, start, "end", text)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        evidence,
    )


def _write_claim(conn: sqlite3.Connection, aid: str, seq: int, claim: Claim) -> None:
    speaker = claim.speaker
    conn.execute(
        "INSERT INTO claims (article_id, id, seq, kind, speaker_entity_id, speaker_start, speaker_end,"
        " speaker_text, cue_start, cue_end, cue_text, content_start, content_end, content_text, via)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            aid,
            claim.id,
            seq,
            claim.kind,
            None if speaker is None else speaker.entity_id,
            *((None, None, None) if speaker is None else (speaker.start, speaker.end, speaker.text)),
            *_span(claim.cue),
            *_span(claim.content),
            json.dumps(claim.via, ensure_ascii=False),
        ),
    )
    conn.executemany(
        "INSERT INTO quantities (article_id, claim_id, seq, value, unit, text, high)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(aid, claim.id, i, q.value, q.unit, q.text, q.high) for i, q in enumerate(claim.quantities)],
    )


def _write_event(conn: sqlite3.Connection, aid: str, seq: int, event: Event) -> None:
    conn.execute(
        "INSERT INTO events (article_id, id, seq, type, mode, acled_event_type, acled_sub_event_type,"
        " trigger_start, trigger_end, trigger_text,"
        " actor1_entity_id, actor1_start, actor1_end, actor1_text, actor1_country, actor1_kind,"
        " actor2_entity_id, actor2_start, actor2_end, actor2_text, actor2_country, actor2_kind,"
        " place_id, date, date_precision, fatalities, negated, hypothetical, status, attributed_to,"
        " confidence)"
        f" VALUES ({', '.join('?' * 31)})",
        (
            aid,
            event.id,
            seq,
            event.type,
            event.mode,
            event.acled_event_type,
            event.acled_sub_event_type,
            *_span(event.trigger),
            *_actor(event.actor1),
            *_actor(event.actor2),
            event.place_id,
            _date(event.date),
            event.date_precision,
            _integer(event.fatalities),
            int(event.negated),
            int(event.hypothetical),
            event.status,
            event.attributed_to,
            event.confidence,
        ),
    )


def read_article(row: sqlite3.Row) -> Article:
    """An Article from an `articles` row."""
    return Article(
        id=row["id"],
        published=dt.date.fromisoformat(row["published"]),
        text=row["text"],
        title=row["title"],
        source=row["source"],
        url=row["url"],
        language=row["language"],
    )


def _spans_by(conn: sqlite3.Connection, sql: str, aid: str) -> dict[Any, list[Span]]:
    """Spans of one article grouped by their owner (the first selected column), in list order."""
    grouped: dict[Any, list[Span]] = defaultdict(list)
    for owner, start, end, text in conn.execute(sql, (aid,)):
        grouped[owner].append(Span(start=start, end=end, text=text))
    return grouped


def _read_actor(row: sqlite3.Row, prefix: str) -> Actor | None:
    if row[f"{prefix}_text"] is None:
        return None
    return Actor(
        entity_id=row[f"{prefix}_entity_id"],
        start=row[f"{prefix}_start"],
        end=row[f"{prefix}_end"],
        text=row[f"{prefix}_text"],
        country=row[f"{prefix}_country"],
        kind=row[f"{prefix}_kind"],
    )


def _opt_span(row: sqlite3.Row, prefix: str) -> Span | None:
    if row[f"{prefix}_text"] is None:
        return None
    return Span(start=row[f"{prefix}_start"], end=row[f"{prefix}_end"], text=row[f"{prefix}_text"])


def read_extraction(conn: sqlite3.Connection, article: Article) -> Extraction:
    """Rebuild the Extraction stored for `article` (the connection must use `sqlite3.Row`)."""
    aid = article.id
    entity_mentions = _spans_by(
        conn,
        'SELECT entity_id, start, "end", text FROM mentions'
        " WHERE article_id = ? AND entity_id IS NOT NULL ORDER BY entity_id, seq",
        aid,
    )
    place_mentions = _spans_by(
        conn,
        'SELECT place_id, start, "end", text FROM mentions'
        " WHERE article_id = ? AND place_id IS NOT NULL ORDER BY place_id, seq",
        aid,
    )
    event_evidence = _spans_by(
        conn,
        'SELECT event_id, start, "end", text FROM evidence'
        " WHERE article_id = ? AND event_id IS NOT NULL ORDER BY event_id, seq",
        aid,
    )
    claim_evidence = _spans_by(
        conn,
        'SELECT claim_id, start, "end", text FROM evidence'
        " WHERE article_id = ? AND claim_id IS NOT NULL ORDER BY claim_id, seq",
        aid,
    )
    relation_evidence = _spans_by(
        conn,
        'SELECT relation_seq, start, "end", text FROM evidence'
        " WHERE article_id = ? AND relation_seq IS NOT NULL ORDER BY relation_seq, seq",
        aid,
    )
    quantities: dict[str, list[Quantity]] = defaultdict(list)
    for row in conn.execute(
        "SELECT claim_id, value, unit, text, high FROM quantities"
        " WHERE article_id = ? ORDER BY claim_id, seq",
        (aid,),
    ):
        quantities[row["claim_id"]].append(
            Quantity(value=row["value"], unit=row["unit"], text=row["text"], high=row["high"])
        )

    entities = [
        Entity(
            id=row["id"],
            name=row["name"],
            type=row["type"],
            aliases=json.loads(row["aliases"]),
            kind=row["kind"],
            country=row["country"],
            mentions=entity_mentions.get(row["id"], []),
        )
        for row in conn.execute("SELECT * FROM entities WHERE article_id = ? ORDER BY seq", (aid,))
    ]
    places = [
        Place(
            id=row["id"],
            name=row["name"],
            lat=row["latitude"],
            lon=row["longitude"],
            country_code=row["country_code"],
            admin1=row["admin1"],
            admin2=row["admin2"],
            geonames_id=row["geonames_id"],
            feature=row["feature"],
            precision=row["precision"],
            mentions=place_mentions.get(row["id"], []),
        )
        for row in conn.execute("SELECT * FROM places WHERE article_id = ? ORDER BY seq", (aid,))
    ]
    timexes = [
        Timex(
            start=row["start"],
            end=row["end"],
            text=row["text"],
            value=row["value"],
            precision=row["precision"],
        )
        for row in conn.execute("SELECT * FROM timexes WHERE article_id = ? ORDER BY seq", (aid,))
    ]
    events = [
        Event(
            id=row["id"],
            type=row["type"],
            mode=row["mode"],
            acled_event_type=row["acled_event_type"],
            acled_sub_event_type=row["acled_sub_event_type"],
            trigger=Span(start=row["trigger_start"], end=row["trigger_end"], text=row["trigger_text"]),
            actor1=_read_actor(row, "actor1"),
            actor2=_read_actor(row, "actor2"),
            place_id=row["place_id"],
            date=None if row["date"] is None else dt.date.fromisoformat(row["date"]),
            date_precision=row["date_precision"],
            fatalities=row["fatalities"],
            negated=bool(row["negated"]),
            hypothetical=bool(row["hypothetical"]),
            status=row["status"],
            attributed_to=row["attributed_to"],
            confidence=row["confidence"],
            evidence=event_evidence.get(row["id"], []),
        )
        for row in conn.execute("SELECT * FROM events WHERE article_id = ? ORDER BY seq", (aid,))
    ]
    claims = [
        Claim(
            id=row["id"],
            kind=row["kind"],
            speaker=None
            if row["speaker_text"] is None
            else SpeakerRef(
                entity_id=row["speaker_entity_id"],
                start=row["speaker_start"],
                end=row["speaker_end"],
                text=row["speaker_text"],
            ),
            cue=_opt_span(row, "cue"),
            content=Span(start=row["content_start"], end=row["content_end"], text=row["content_text"]),
            via=json.loads(row["via"]),
            quantities=quantities.get(row["id"], []),
            evidence=claim_evidence.get(row["id"], []),
        )
        for row in conn.execute("SELECT * FROM claims WHERE article_id = ? ORDER BY seq", (aid,))
    ]
    relations = [
        Relation(
            subject=row["subject"],
            predicate=row["predicate"],
            object=row["object"],
            evidence=relation_evidence.get(row["seq"], []),
        )
        for row in conn.execute("SELECT * FROM relations WHERE article_id = ? ORDER BY seq", (aid,))
    ]
    return Extraction(
        document=document_of(article),
        entities=entities,
        places=places,
        timexes=timexes,
        events=events,
        claims=claims,
        relations=relations,
    )


def document_of(article: Article) -> Document:
    """The `document` part an Extraction of `article` must carry."""
    return Document.of(article)
