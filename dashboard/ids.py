"""Component ids, in one place so layout and callbacks cannot drift apart."""

URL = "url"
NAV_COMPARE = "nav-compare"
NAV_SQL = "nav-sql"
STATUS = "status"  # warehouse problems and the empty-warehouse help

PAGE_COMPARE = "page-compare"
PAGE_SQL = "page-sql"

COMPANIES = "companies"  # the company picker (multi-select)
COMPANIES_HINT = "companies-hint"
SELECTION = "selection"  # dcc.Store: the companies being compared, after validation

SCORECARDS = "scorecards"
COMPARISON = "comparison-chart"
COMPARISON_NOTE = "comparison-note"  # the metrics no chosen company has a figure for, in one line
TIMELINE = "timeline-chart"
EVIDENCE_DETAIL = "evidence-detail"
EVIDENCE_SHOWN = "evidence-shown"  # dcc.Store: the companies the evidence panel shows something of

GRID = "evidence-grid"
GRID_NOTE = "evidence-note"
GRID_DOWNLOAD = "evidence-download"  # the button
GRID_VIEW = "evidence-view"  # dcc.Store: ids of the rows the grid shows, in its order, for the download
GRID_CSV = "evidence-csv"  # dcc.Download
ALL_DOWNLOAD = "all-metrics-download"

SQL_TEXT = "sql-text"
SQL_RUN = "sql-run"
SQL_EXAMPLES = "sql-examples"  # pattern-matching ids: {"type": SQL_EXAMPLES, "index": n}
SQL_MESSAGE = "sql-message"
SQL_GRID = "sql-grid"
SQL_DOWNLOAD_BUTTON = "sql-download-button"
SQL_DOWNLOAD = "sql-download"

COMPARE_BODY = "compare-body"
REFRESH = "refresh"  # dcc.Interval: looks for a newer warehouse now and then
VERSION = "warehouse-version"  # dcc.Store: the warehouse version the page shows
CARD = "figure-card"  # pattern-matching ids of the clickable figures: {"type": CARD, "index": key}
