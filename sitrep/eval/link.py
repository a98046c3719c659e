"""Cross-article linking against the project's own gold clusters (`eval/link`): B-cubed precision and
recall of event merges and of entity merges.

The articles beside the gold file go through the real pipeline into a fresh database, which is then
linked. Each gold item is found among the stored items (an event by its trigger word, an entity by a name
or alias); an item the pipeline did not extract is a predicted cluster of its own.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sitrep.errors import InputError
from sitrep.ingest import read_articles
from sitrep.model import Article
from sitrep.nlp.loader import DEFAULT_MODEL
from sitrep.runner import run
from sitrep.store.store import Store

Item = tuple[str, str]


def bcubed(predicted: Mapping[Item, str], gold: Mapping[Item, str]) -> tuple[float, float]:
    """B-cubed precision and recall of a predicted clustering of the gold items."""
    if not gold:
        return 0.0, 0.0
    items = list(gold)
    precision = recall = 0.0
    for item in items:
        same_pred = {o for o in items if predicted[o] == predicted[item]}
        same_gold = {o for o in items if gold[o] == gold[item]}
        both = len(same_pred & same_gold)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    return precision / len(items), recall / len(items)


def _gold(clusters: Mapping[str, list[list[str]]]) -> dict[Item, str]:
    return {(aid, text): name for name, items in clusters.items() for aid, text in items}


def _predicted_events(store: Store, gold: Mapping[Item, str]) -> dict[Item, str]:
    """Each gold report's linked event: the event whose trigger is the gold word, else the event told in
    the sentence that holds the word (the report may be extracted from another word of it: "the toll
    from Sunday's strike has risen to five" for the gold "killed")."""
    found: dict[Item, str] = {}
    for aid, trigger in gold:
        row = store.connection.execute(
            "SELECT m.linked_event_id FROM events e JOIN linked_event_members m"
            " ON m.article_id = e.article_id AND m.event_id = e.id"
            " WHERE e.article_id = ? AND lower(e.trigger_text) = lower(?) ORDER BY e.seq LIMIT 1",
            (aid, trigger),
        ).fetchone()
        if row is None:
            row = _event_in_sentence_of(store, aid, trigger)
        found[(aid, trigger)] = row[0] if row else f"missing:{aid}:{trigger}"
    return found


def _event_in_sentence_of(store: Store, article_id: str, word: str) -> tuple[str] | None:
    text_row = store.connection.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
    match = re.search(rf"\b{re.escape(word)}\b", text_row[0] if text_row else "", re.IGNORECASE)
    if match is None:
        return None
    row = store.connection.execute(
        "SELECT m.linked_event_id FROM events e JOIN linked_event_members m"
        " ON m.article_id = e.article_id AND m.event_id = e.id"
        " JOIN evidence v ON v.article_id = e.article_id AND v.event_id = e.id"
        ' WHERE e.article_id = ? AND v.start <= ? AND v."end" >= ?'
        " ORDER BY abs(e.trigger_start - ?) LIMIT 1",
        (article_id, match.start(), match.end(), match.start()),
    ).fetchone()
    return (str(row[0]),) if row else None


def _predicted_entities(store: Store, gold: Mapping[Item, str]) -> dict[Item, str]:
    found: dict[Item, str] = {}
    for aid, name in gold:
        rows = store.connection.execute(
            "SELECT n.name, n.aliases, c.canonical_id FROM entities n JOIN canonical_entity_members c"
            " ON c.article_id = n.article_id AND c.entity_id = n.id WHERE n.article_id = ? ORDER BY n.seq",
            (aid,),
        ).fetchall()
        wanted = name.casefold()
        match = next(
            (r[2] for r in rows if wanted in {a.casefold() for a in [r[0], *json.loads(r[1])]}),
            None,
        )
        found[(aid, name)] = match or f"missing:{aid}:{name}"
    return found


def score_link(paths: list[Path], model: str = DEFAULT_MODEL) -> dict[str, Any]:
    """Run, link and score the set whose gold file is `paths[0]` (articles in `articles.jsonl` beside it)."""
    gold_path = Path(paths[0])
    if not gold_path.exists():
        raise InputError(str(gold_path), "no such folder or gold file")
    if gold_path.is_dir():
        gold_path = gold_path / "gold.json"
    articles_path = gold_path.parent / "articles.jsonl"
    if not gold_path.exists() or not articles_path.exists():
        raise InputError(str(gold_path.parent), "needs gold.json and articles.jsonl")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    articles = [a for a in read_articles([str(articles_path)]) if isinstance(a, Article)]
    events_gold, entities_gold = _gold(gold["events"]), _gold(gold["entities"])
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "link.db"
        run(articles, db, model)
        with Store(db) as store:
            events_pred = _predicted_events(store, events_gold)
            entities_pred = _predicted_entities(store, entities_gold)
    event_p, event_r = bcubed(events_pred, events_gold)
    entity_p, entity_r = bcubed(entities_pred, entities_gold)
    return {
        "articles": len(articles),
        "event_items": len(events_gold),
        "events_missing": sum(1 for v in events_pred.values() if v.startswith("missing:")),
        "event_bcubed_precision": round(event_p, 4),
        "event_bcubed_recall": round(event_r, 4),
        "entity_items": len(entities_gold),
        "entities_missing": sum(1 for v in entities_pred.values() if v.startswith("missing:")),
        "entity_bcubed_precision": round(entity_p, 4),
        "entity_bcubed_recall": round(entity_r, 4),
    }
