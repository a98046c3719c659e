"""Across articles: one picture from many reports.

`sitrep link` works from stored data only. It resolves entities to canonical ones (`entities.py`), spots
wire copies and syndicated texts (`sources.py`), merges reports of one event (`events.py`), groups the
figures that claims give for one thing (`claims.py`), and does so incrementally (`run.py`): only what new
articles touch is linked again. `timeline.py` reads the result back.
"""
