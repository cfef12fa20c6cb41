"""Names vulture cannot see being used (``vulture`` reads this file with the code).

Every entry says why it is used. Code that is really unused is deleted, never listed here.
"""

# Called by frameworks, not by our code.
_.__call__  # a Protocol's signature (app/domain/progress.py)
_._  # argparse looks its `_` up at call time (app/cli/__init__.py)
_on_connect  # SQLAlchemy event listener (app/store/engine.py)
_on_begin  # SQLAlchemy event listener (app/store/engine.py)
_settle_first  # SQLAlchemy event listener (app/store/pg.py)
cli_account  # a pytest fixture named in `usefixtures` (tests/conftest.py)
_.isolation_level  # the sqlite3 driver's attribute, set to take transactions over
_.autocommit  # pg8000's attribute, set for VACUUM outside a transaction (app/store/pg.py)
_.paintEvent  # Qt override (app/ui/dashboard.py)
_.filterAcceptsRow  # Qt override (app/ui/handover_views.py)
source_parent  # its parameter
_.eventFilter  # Qt override (app/ui/idle.py)
watched  # its parameter

# Attributes ReportLab's charts and openpyxl's cells read when they draw or save.
_.alignment
_.angle
_.autoXPadding
_.barLabelFormat
_.barSpacing
_.boxAnchor
_.categoryNames
_.colorNamePairs
_.columnMaximum
_.deltax
_.dxTextSpace
_.fillColor
_.fontName
_.fontSize
_.freeze_panes
_.gridStrokeColor
_.gridStrokeWidth
_.groupSpacing
_.labelTextFormat
_.nudge
_.strokeColor
_.valueMax
_.valueMin
_.valueStep
_.variColumn
_.visibleGrid
_.number_format
_.border
_.fill
_.tickLeft  # the value axis's tick length (app/reports/pdf.py)
_.paperSize  # openpyxl's page setup of report sheets (app/reports/xlsx.py)
_.horizontalCentered

# Columns and record fields: written and read by name (SQLAlchemy, dataclasses.asdict, JSON).
new_kpj  # bound parameters of store.desk.assign_kpjs
new_revision
updated_by
updated_install
added_at
confirmed_by
history_hash  # participant column, written and read in raw SQL (app/store/repo.py, audit.py)
_.row_factory  # the sqlite3 driver's attribute (tests rebuild a chain from raw rows)

# Alembic reads these module variables and functions of every migration.
down_revision
branch_labels
depends_on
downgrade

# pytest finds these by name (autouse fixtures, module marks).
_indonesian_after_each_test
_isolated
_small_disk
_indonesian_ui
_no_widget_outlives_its_test
_heap_unfrozen_at_exit
_close_logs
no_data_dir  # by name, in @pytest.mark.usefixtures (tests/unit/test_windows_process.py)
pytestmark
# The PostgreSQL plugin (tests/pg.py): pytest's hooks and its autouse fixture, by name.
pytest_plugins
pytest_addoption
pytest_configure
pytest_collection_modifyitems
pytest_sessionfinish
_drop_test_databases

# Areas other work is changing now; each goes when that work lands:
set_password  # accounts: the sign-in work decides whether a password setter stays
_.backups_dir  # context: the same work moves the data dir's sqlite3 uses into the store

# openpyxl's page setup and data validation are set as attributes (app/services/template.py).
fitToWidth
fitToHeight
fitToPage
print_title_rows
allow_blank
promptTitle
showInputMessage
showErrorMessage
errorTitle
tabSelected

# Written for the record (who revoked an office's key) and read only by people, in the database.
revoked_by

# openpyxl row dimensions are set as attributes (tests build workbooks with hidden rows).
_.hidden

# xlwt's workbook attribute that names the sheet an .xls opens on (a test fixture sets it).
_.active_sheet
