"""Gazetteer index and place resolution, used by `sitrep.extract.places`."""
