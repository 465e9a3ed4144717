"""Persistence: SQLAlchemy models, migrations, repositories and demo-site seeding."""
