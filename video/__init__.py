"""Video sources, decode workers, the recorder process and evidence export (no Qt)."""
