"""sitrep's REST API and web UI, served from one process over a read-only view of the database."""

from sitrep.web.app import create_app

__all__ = ["create_app"]
