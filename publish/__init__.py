"""Publish: write an immutable, dated release of the public marts and switch the site to it."""
