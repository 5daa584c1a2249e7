"""One reader per source: bytes of a landing file → typed contract columns plus row issues."""
