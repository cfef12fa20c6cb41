"""SQLAlchemy 2 over SQLite: the only package that knows the SQL dialect."""
