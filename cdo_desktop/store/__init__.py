"""The local store: SQLModel tables, engine and sessions, migrations, list queries, search and the audit log."""
