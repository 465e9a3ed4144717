"""Alembic migrations of the console's schema."""
