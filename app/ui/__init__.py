"""PySide6 screens; the only package (with app.main) that imports Qt."""
