"""Versioned schema migrations: named functions, each applied once and recorded in `_sitrep_migrations`.

A database file outlives the code that wrote it, so the schema only ever moves forward by appending a
function to `MIGRATIONS`; `migrate()` runs the ones a file has not seen, each in its own transaction.

Layout (first migration): every item of an Extraction is keyed by `(article_id, id)`, because item ids
are local to their article ("ev-1"). References between items (`events.place_id`, actor entity ids,
`attributed_to`, a claim's speaker) hold the local id and are checked by composite foreign keys on
`(article_id, <local id>)`. Items without an id of their own (timexes, relations, spans, quantities)
are keyed by their position `seq` in the list they came from. Column names follow the contract, with
`latitude`/`longitude` for places so Datasette draws them on a map.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]

_INITIAL = (
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        published TEXT NOT NULL,
        title TEXT,
        source TEXT,
        url TEXT,
        language TEXT NOT NULL,
        text TEXT NOT NULL,
        text_hash TEXT NOT NULL UNIQUE,
        stored_at TEXT NOT NULL
    )""",
    "CREATE INDEX articles_published ON articles (published)",
    """CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, text, content='articles', content_rowid='rowid'
    )""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END""",
    """CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        kind TEXT,
        country TEXT,
        aliases TEXT NOT NULL,
        PRIMARY KEY (article_id, id)
    )""",
    "CREATE INDEX entities_name ON entities (name)",
    """CREATE TABLE places (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        name TEXT NOT NULL,
        latitude REAL,
        longitude REAL,
        country_code TEXT,
        admin1 TEXT,
        geonames_id INTEGER,
        feature TEXT,
        precision INTEGER,
        PRIMARY KEY (article_id, id)
    )""",
    "CREATE INDEX places_name ON places (name)",
    """CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL,
        entity_id TEXT,
        place_id TEXT,
        seq INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        CHECK ((entity_id IS NULL) <> (place_id IS NULL)),
        FOREIGN KEY (article_id, entity_id) REFERENCES entities (article_id, id) ON DELETE CASCADE,
        FOREIGN KEY (article_id, place_id) REFERENCES places (article_id, id) ON DELETE CASCADE
    )""",
    "CREATE INDEX mentions_entity ON mentions (article_id, entity_id, seq)",
    "CREATE INDEX mentions_place ON mentions (article_id, place_id, seq)",
    """CREATE TABLE timexes (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        value TEXT,
        precision TEXT,
        PRIMARY KEY (article_id, seq)
    )""",
    """CREATE TABLE claims (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        speaker_entity_id TEXT,
        speaker_start INTEGER,
        speaker_end INTEGER,
        speaker_text TEXT,
        cue_start INTEGER,
        cue_end INTEGER,
        cue_text TEXT,
        content_start INTEGER NOT NULL,
        content_end INTEGER NOT NULL,
        content_text TEXT NOT NULL,
        via TEXT NOT NULL,
        PRIMARY KEY (article_id, id),
        FOREIGN KEY (article_id, speaker_entity_id) REFERENCES entities (article_id, id)
    )""",
    """CREATE VIRTUAL TABLE claims_fts USING fts5 (
        content_text, content='claims', content_rowid='rowid'
    )""",
    """CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts (rowid, content_text) VALUES (new.rowid, new.content_text);
    END""",
    """CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
        INSERT INTO claims_fts (claims_fts, rowid, content_text)
        VALUES ('delete', old.rowid, old.content_text);
    END""",
    """CREATE TRIGGER claims_fts_update AFTER UPDATE ON claims BEGIN
        INSERT INTO claims_fts (claims_fts, rowid, content_text)
        VALUES ('delete', old.rowid, old.content_text);
        INSERT INTO claims_fts (rowid, content_text) VALUES (new.rowid, new.content_text);
    END""",
    """CREATE TABLE quantities (
        article_id TEXT NOT NULL,
        claim_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        value REAL NOT NULL,
        unit TEXT,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, claim_id, seq),
        FOREIGN KEY (article_id, claim_id) REFERENCES claims (article_id, id) ON DELETE CASCADE
    )""",
    """CREATE TABLE events (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        mode TEXT,
        acled_event_type TEXT,
        acled_sub_event_type TEXT,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        trigger_text TEXT NOT NULL,
        actor1_entity_id TEXT,
        actor1_start INTEGER,
        actor1_end INTEGER,
        actor1_text TEXT,
        actor1_country TEXT,
        actor1_kind TEXT,
        actor2_entity_id TEXT,
        actor2_start INTEGER,
        actor2_end INTEGER,
        actor2_text TEXT,
        actor2_country TEXT,
        actor2_kind TEXT,
        place_id TEXT,
        date TEXT,
        date_precision INTEGER,
        fatalities INTEGER,
        negated INTEGER NOT NULL,
        hypothetical INTEGER NOT NULL,
        attributed_to TEXT,
        confidence REAL NOT NULL,
        PRIMARY KEY (article_id, id),
        FOREIGN KEY (article_id, place_id) REFERENCES places (article_id, id),
        FOREIGN KEY (article_id, actor1_entity_id) REFERENCES entities (article_id, id),
        FOREIGN KEY (article_id, actor2_entity_id) REFERENCES entities (article_id, id),
        FOREIGN KEY (article_id, attributed_to) REFERENCES claims (article_id, id)
    )""",
    "CREATE INDEX events_date ON events (date)",
    "CREATE INDEX events_type ON events (type)",
    "CREATE INDEX events_acled_type ON events (acled_event_type)",
    "CREATE INDEX events_place ON events (article_id, place_id)",
    """CREATE TABLE relations (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        subject TEXT NOT NULL,
        predicate TEXT NOT NULL,
        object TEXT NOT NULL,
        PRIMARY KEY (article_id, seq)
    )""",
    """CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL,
        event_id TEXT,
        claim_id TEXT,
        relation_seq INTEGER,
        seq INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        CHECK ((event_id IS NOT NULL) + (claim_id IS NOT NULL) + (relation_seq IS NOT NULL) = 1),
        FOREIGN KEY (article_id, event_id) REFERENCES events (article_id, id) ON DELETE CASCADE,
        FOREIGN KEY (article_id, claim_id) REFERENCES claims (article_id, id) ON DELETE CASCADE,
        FOREIGN KEY (article_id, relation_seq) REFERENCES relations (article_id, seq) ON DELETE CASCADE
    )""",
    "CREATE INDEX evidence_event ON evidence (article_id, event_id, seq)",
    "CREATE INDEX evidence_claim ON evidence (article_id, claim_id, seq)",
    "CREATE INDEX evidence_relation ON evidence (article_id, relation_seq, seq)",
)


def m001_initial_schema(conn: sqlite3.Connection) -> None:
    """Articles with full-text search, and one table per kind of item in an Extraction."""
    for statement in _INITIAL:
        conn.execute(statement)


_WEB_INDEXES = (
    "CREATE INDEX events_by_date ON events (date, article_id, seq)",
    "CREATE INDEX events_type_by_date ON events (type, date, article_id, seq)",
    "CREATE INDEX events_acled_type_by_date ON events (acled_event_type, date, article_id, seq)",
    "CREATE INDEX events_actor1 ON events (article_id, actor1_entity_id)",
    "CREATE INDEX events_actor2 ON events (article_id, actor2_entity_id)",
    "CREATE INDEX entities_grouped ON entities (name, type, article_id, kind, country)",
    "CREATE INDEX places_grouped ON places"
    " (name, country_code, geonames_id, latitude, longitude, article_id, id, admin1, precision)",
    "CREATE INDEX claims_speaker ON claims (article_id, speaker_entity_id)",
    "CREATE INDEX claims_by_seq ON claims (article_id, seq)",
    "CREATE INDEX articles_by_date ON articles (published, id)",
)


def m002_web_indexes(conn: sqlite3.Connection) -> None:
    """Indexes behind the API's paged listings: each default order and common filter reads an index."""
    for statement in _WEB_INDEXES:
        conn.execute(statement)


_LINK = (
    """CREATE TABLE link_articles (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        published TEXT NOT NULL,
        source_group TEXT NOT NULL,
        signature BLOB NOT NULL
    )""",
    "CREATE INDEX link_articles_published ON link_articles (published)",
    """CREATE TABLE canonical_entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        kind TEXT,
        country TEXT,
        aliases TEXT NOT NULL,
        articles INTEGER NOT NULL
    )""",
    """CREATE TABLE canonical_entity_members (
        canonical_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        key TEXT NOT NULL,
        block TEXT,
        PRIMARY KEY (article_id, entity_id),
        FOREIGN KEY (article_id, entity_id) REFERENCES entities (article_id, id) ON DELETE CASCADE
    )""",
    "CREATE INDEX canonical_entity_members_canonical ON canonical_entity_members (canonical_id)",
    "CREATE INDEX canonical_entity_members_key ON canonical_entity_members (key)",
    "CREATE INDEX canonical_entity_members_block ON canonical_entity_members (block)",
    """CREATE TABLE linked_events (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        mode TEXT,
        acled_event_type TEXT,
        acled_sub_event_type TEXT,
        date TEXT,
        date_precision INTEGER,
        place_name TEXT,
        latitude REAL,
        longitude REAL,
        country_code TEXT,
        actor1 TEXT,
        actor2 TEXT,
        fatalities_low INTEGER,
        fatalities_high INTEGER,
        reports INTEGER NOT NULL,
        independent_sources INTEGER NOT NULL,
        first_published TEXT NOT NULL,
        last_published TEXT NOT NULL
    )""",
    "CREATE INDEX linked_events_date ON linked_events (date)",
    """CREATE TABLE linked_event_members (
        linked_event_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        published TEXT NOT NULL,
        seq INTEGER NOT NULL,
        family TEXT NOT NULL,
        mode TEXT,
        day INTEGER NOT NULL,
        window_before INTEGER NOT NULL,
        window_after INTEGER NOT NULL,
        latitude REAL,
        longitude REAL,
        radius_km REAL,
        cell TEXT,
        actor1_country TEXT,
        actor2_country TEXT,
        mergeable INTEGER NOT NULL,
        PRIMARY KEY (article_id, event_id),
        FOREIGN KEY (article_id, event_id) REFERENCES events (article_id, id) ON DELETE CASCADE
    )""",
    "CREATE INDEX linked_event_members_linked ON linked_event_members (linked_event_id)",
    "CREATE INDEX linked_event_members_block ON linked_event_members (family, cell, day)",
    """CREATE TABLE claim_groups (
        id TEXT PRIMARY KEY,
        measure TEXT NOT NULL,
        side TEXT NOT NULL,
        linked_event_id TEXT,
        low REAL NOT NULL,
        high REAL NOT NULL,
        members INTEGER NOT NULL,
        disagrees INTEGER NOT NULL
    )""",
    "CREATE INDEX claim_groups_event ON claim_groups (linked_event_id)",
    """CREATE TABLE claim_group_members (
        group_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        claim_id TEXT NOT NULL,
        quantity_seq INTEGER NOT NULL,
        value REAL NOT NULL,
        unit TEXT,
        text TEXT NOT NULL,
        measure TEXT NOT NULL,
        side TEXT NOT NULL,
        event_id TEXT,
        speaker TEXT,
        via TEXT NOT NULL,
        PRIMARY KEY (article_id, claim_id, quantity_seq),
        FOREIGN KEY (article_id, claim_id) REFERENCES claims (article_id, id) ON DELETE CASCADE
    )""",
    "CREATE INDEX claim_group_members_group ON claim_group_members (group_id)",
    "CREATE INDEX claim_group_members_event ON claim_group_members (article_id, event_id)",
)


def m003_link_tables(conn: sqlite3.Connection) -> None:
    """Tables written by `sitrep link`: one picture across articles.

    - `link_articles`: articles already linked, with the MinHash `signature` of their text and the
      `source_group` (id of the earliest near-duplicate: wire copies and syndicated texts share one).
    - `canonical_entities` / `canonical_entity_members`: one row per person, group or place however
      spelled; every stored entity belongs to one, with the `reason` it was joined ("same name",
      "spelling variant", "surname of …", "acronym of …"), its name `key`, and its `block`: the mentions
      resolved together (people of one surname; organisations and places of one set of initials).
    - `linked_events` / `linked_event_members`: reports of one event merged; `reports` counts the
      articles, `independent_sources` counts them once per source group or outlet. Each member keeps the
      normalized fields the merge compares (`family`, `day` as an ordinal, the date window, coordinates
      and radius, and a one-degree grid `cell`), so a new article is compared only with the reports the
      `(family, cell, day)` index finds around it.
    - `claim_groups` / `claim_group_members`: figures that claims give for one `measure` (fatalities,
      injured, detained, troops, losses) of one `side` (people, combatants, materiel) of one linked event,
      each with its speaker and relays (`via`, names); `disagrees` when the figures differ.
    """
    for statement in _LINK:
        conn.execute(statement)


_LINKED_WEB_INDEXES = (
    "CREATE INDEX linked_events_by_date ON linked_events (date, id)",
    "CREATE INDEX linked_events_type_by_date ON linked_events (type, date, id)",
    "CREATE INDEX linked_events_acled_type_by_date ON linked_events (acled_event_type, date, id)",
    "CREATE INDEX linked_events_position ON linked_events (latitude, longitude)",
    "CREATE INDEX canonical_entities_by_name ON canonical_entities (name, id)",
    "CREATE INDEX canonical_entity_members_entity ON canonical_entity_members (canonical_id, article_id)",
    "CREATE INDEX claim_groups_ranked ON claim_groups (disagrees DESC, members DESC, id)",
    "CREATE INDEX claim_group_members_claim ON claim_group_members (group_id, article_id, claim_id)",
)


def m004_linked_web_indexes(conn: sqlite3.Connection) -> None:
    """Indexes behind the API's paged listings of linked events, canonical entities and claim groups:
    each default order and common filter reads an index, as m002 does for the per-article tables."""
    for statement in _LINKED_WEB_INDEXES:
        conn.execute(statement)


def m005_quantity_ranges(conn: sqlite3.Connection) -> None:
    """`quantities.high`: the upper end of a figure given as a range ("tens of thousands")."""
    conn.execute("ALTER TABLE quantities ADD COLUMN high REAL")


_EVENT_STATUS = (
    "ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT 'incident'",
    "UPDATE events SET status = CASE WHEN negated THEN 'denied' ELSE 'planned' END"
    " WHERE negated OR hypothetical",
    "CREATE INDEX events_status_by_date ON events (status, date, article_id, seq)",
    "ALTER TABLE linked_events ADD COLUMN status TEXT NOT NULL DEFAULT 'incident'",
    # Only incidents merge, so a merged event of several reports is an incident; one of a single report
    # takes that report's status.
    """UPDATE linked_events SET status = coalesce((
        SELECT e.status FROM linked_event_members m
        JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id
        WHERE m.linked_event_id = linked_events.id
        ORDER BY e.status <> 'incident', m.published, m.article_id, m.seq LIMIT 1), 'incident')""",
    "CREATE INDEX linked_events_status_by_date ON linked_events (status, date, id)",
)


def m006_event_status(conn: sqlite3.Connection) -> None:
    """`events.status` and `linked_events.status`: what a mention of an act is (`EventStatus` in the
    model). Only an `incident` is counted by the exports, the map, the timeline and the report; the
    others are kept for the analyst. Rows stored before it was extracted become `denied` when negated,
    `planned` when hypothetical, else `incident`. Each listing filters on the status and orders by date,
    which one index per table serves."""
    for statement in _EVENT_STATUS:
        conn.execute(statement)


def m007_place_admin2(conn: sqlite3.Connection) -> None:
    """`places.admin2`: the second-level area (district, county, raion) of a town or of an area of that
    level, from the gazetteer, for ACLED's `admin2` column. Rows stored before it stay null."""
    conn.execute("ALTER TABLE places ADD COLUMN admin2 TEXT")


_LINKED_EVENT_FACETS = (
    "ALTER TABLE linked_events ADD COLUMN admin1 TEXT",
    "ALTER TABLE linked_events ADD COLUMN sources TEXT NOT NULL DEFAULT '[]'",
    # Rows linked before: the admin1 of a report placed where the merged event is, and every outlet.
    """UPDATE linked_events SET admin1 = (
        SELECT p.admin1 FROM linked_event_members m
        JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id
        JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id
        WHERE m.linked_event_id = linked_events.id AND p.name = linked_events.place_name
        AND p.admin1 IS NOT NULL ORDER BY m.published, m.article_id, m.seq LIMIT 1)""",
    """UPDATE linked_events SET sources = coalesce((
        SELECT json_group_array(s.source) FROM (SELECT DISTINCT a.source FROM linked_event_members m
        JOIN articles a ON a.id = m.article_id
        WHERE m.linked_event_id = linked_events.id AND a.source IS NOT NULL ORDER BY a.source) s), '[]')""",
    "CREATE INDEX linked_events_facets ON linked_events"
    " (status, date, type, acled_event_type, country_code, admin1, fatalities_low, independent_sources,"
    " latitude, longitude)",
    # One per counted column, so an unfiltered count walks the values in order without sorting them.
    "CREATE INDEX linked_events_by_type ON linked_events (status, type)",
    "CREATE INDEX linked_events_by_acled_type ON linked_events (status, acled_event_type)",
    "CREATE INDEX linked_events_by_country ON linked_events (status, country_code, admin1)",
    "CREATE INDEX linked_events_by_admin1 ON linked_events (status, admin1)",
    "CREATE INDEX linked_events_by_fatalities ON linked_events (status, fatalities_low, date, id)",
    "CREATE INDEX linked_events_by_sources ON linked_events (status, independent_sources, date, id)",
    # A place filter naming a region looks its admin1 up among the stored places (`store/within.py`).
    "CREATE INDEX places_admin1 ON places (admin1)",
)


def m008_linked_event_facets(conn: sqlite3.Connection) -> None:
    """`linked_events.admin1` (the first-level region of the merged event's place) and
    `linked_events.sources` (a JSON array of every outlet reporting it), so the web listings count and
    filter by region and outlet without joining each report; and one index holding the columns the
    listings facet on, read instead of the table when counting."""
    for statement in _LINKED_EVENT_FACETS:
        conn.execute(statement)


MIGRATIONS: tuple[Migration, ...] = (
    m001_initial_schema,
    m002_web_indexes,
    m003_link_tables,
    m004_linked_web_indexes,
    m005_quantity_ranges,
    m006_event_status,
    m007_place_admin2,
    m008_linked_event_facets,
)


def applied(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations already recorded in this database, oldest first."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS _sitrep_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    return [row[0] for row in conn.execute("SELECT name FROM _sitrep_migrations ORDER BY rowid")]


def migrate(conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply the migrations this database has not seen; return their names (empty when up to date).

    `conn` must be in autocommit mode (`isolation_level=None`) so each migration gets its own
    transaction: a migration that fails leaves the file as it was before it started.
    """
    done = set(applied(conn))
    ran: list[str] = []
    for migration in migrations:
        name = migration.__name__
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            migration(conn)
            conn.execute(
                "INSERT INTO _sitrep_migrations (name, applied_at) VALUES (?, ?)",
                (name, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        ran.append(name)
    return ran
