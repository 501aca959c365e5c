"""Hostile SQL for the sandbox (``models/warehouse/sandbox/``): every statement of issue 11 and more, each
with what the SQL page and ``startup-health query`` must answer. Used by ``tests/test_sandbox_hostile.py``.

``expect`` is a regular expression the message must match from its start: a refusal, a stop at a limit,
or a syntax error. ``cut`` entries are answered, cut to the limits, and say so (page and CLI word it their
own way). No message may name a path.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Hostile", "HOSTILE", "REFUSED", "STOPPED", "TIME", "MEMORY", "SYNTAX", "FOUR_AT_ONCE"]

REFUSED = r"Query refused: "
TIME = r"Query stopped: it ran longer than the [\d.]+ s time limit"
MEMORY = r"Query stopped: it needed more than the [\d,]+ MB memory limit"
STOPPED = rf"({TIME}|{MEMORY})"
SYNTAX = r"Syntax error"
CUT = "cut"  # answered, with rows left out or cells shortened


@dataclass(frozen=True)
class Hostile:
    sql: str
    expect: str  # regex at the start of the message, or CUT
    what: str  # what it tries


def _tf(name: str, args: str = "'/etc/passwd'") -> Hostile:
    return Hostile(f"SELECT * FROM {name}({args})", REFUSED + f"the table function {name} is not allowed",
                   f"table function {name}")


HOSTILE: list[Hostile] = [
    # -- the statements of issue 11 --
    Hostile("SELECT string_agg(text, '') FROM articles, range(60000)", MEMORY, "a 420 MB cell (issue)"),
    # (near both limits: on a loaded machine the time limit may stop it first)
    Hostile("SELECT string_agg(text, '') FROM articles, range(20000)", rf"({STOPPED}|{CUT})", "a 140 MB cell (issue)"),
    Hostile("SELECT repeat('x', 1000000000)", STOPPED, "one 1 GB function call (issue)"),
    Hostile("SELECT * FROM duckdb_settings()", REFUSED + "the table function duckdb_settings", "settings and paths (issue)"),
    Hostile("SELECT * FROM duckdb_extensions()", REFUSED + "the table function duckdb_extensions", "extension paths (issue)"),
    Hostile("INSTALL httpfs", REFUSED + "only SELECT queries are allowed here, not INSTALL", "INSTALL (issue)"),
    Hostile("COPY (SELECT 1) TO '/tmp/startup-health-hostile.csv'", REFUSED + ".*not COPY", "writing a file (issue)"),
    Hostile("SELECT * FROM read_text('/etc/hostname')", REFUSED + "the table function read_text", "reading a file (issue)"),
    # -- every table function family that reads files, runs SQL or shows the machine --
    _tf("read_csv"), _tf("read_csv_auto"), _tf("read_parquet", "'/tmp/*.parquet'"), _tf("read_json", "'/etc/hosts'"),
    _tf("read_blob", "'/etc/hostname'"), _tf("glob", "'/*'"), _tf("parquet_metadata", "'/tmp/x.parquet'"),
    _tf("sniff_csv"), _tf("query", "'SELECT 1'"), _tf("query_table", "'metrics'"),
    _tf("json_execute_serialized_sql", "json_serialize_sql('SELECT 1')"),
    _tf("duckdb_secrets", ""), _tf("which_secret", "'s3://bucket/x', 's3'"), _tf("duckdb_databases", ""),
    _tf("duckdb_temporary_files", ""), _tf("duckdb_memory", ""), _tf("pragma_platform", ""),
    _tf("pragma_database_size", ""), _tf("duckdb_functions", ""), _tf("test_all_types", ""),
    # -- files and the network through other doors --
    Hostile("SELECT * FROM '/etc/passwd'", REFUSED + "reading files is not allowed", "a file as a table"),
    Hostile("FROM 'https://example.com/data.csv'", REFUSED + "reading files is not allowed", "a URL as a table"),
    Hostile('SELECT * FROM "/etc/passwd"', REFUSED + "reading files is not allowed", "a quoted path as a table"),
    Hostile("SELECT * FROM range(3) t, LATERAL read_csv('/etc/' || t.range)", REFUSED + "the table function read_csv",
            "a file reader behind LATERAL"),
    Hostile("SELECT * FROM range((SELECT count(*) FROM read_csv('/etc/passwd')))",
            REFUSED + "the table function read_csv", "a file reader inside an allowed function's argument"),
    Hostile("DESCRIBE SELECT * FROM read_csv('/etc/passwd')", REFUSED + "the table function read_csv",
            "a file reader behind DESCRIBE"),
    Hostile("SUMMARIZE SELECT * FROM glob('/*')", REFUSED + "the table function glob", "a file lister behind SUMMARIZE"),
    Hostile("ATTACH '/tmp/startup-health-other.duckdb' AS other", REFUSED + ".*not ATTACH", "another database"),
    Hostile("EXPORT DATABASE '/tmp/startup-health-export'", REFUSED + ".*not EXPORT", "exporting everything"),
    Hostile("LOAD '/tmp/evil.duckdb_extension'", REFUSED + ".*not LOAD", "loading a native extension"),
    # -- settings, secrets, the catalogue --
    Hostile("SELECT current_setting('temp_directory')", REFUSED + "the function current_setting", "a setting"),
    Hostile("SELECT getenv('HOME')", REFUSED + "the function getenv", "the environment"),
    Hostile("SELECT getvariable('x')", REFUSED + "the function getvariable", "a variable"),
    Hostile("SET memory_limit = '100GB'", REFUSED + ".*not SET", "raising a limit"),
    Hostile("SET VARIABLE x = 1", REFUSED + ".*not SET", "a variable"),
    Hostile("CREATE SECRET s (TYPE s3, KEY_ID 'k', SECRET 's')", REFUSED + ".*not CREATE", "a secret"),
    Hostile("PRAGMA database_list", REFUSED + ".*not PRAGMA", "a pragma"),
    Hostile("CALL pragma_version()", REFUSED + ".*not CALL", "CALL"),
    Hostile("CHECKPOINT", REFUSED + ".*not CHECKPOINT", "a write"),
    Hostile("SELECT * FROM duckdb_databases", REFUSED + "duckdb_databases is not one of", "a system view"),
    Hostile("SELECT * FROM pg_settings", REFUSED + "pg_settings is not one of", "a Postgres catalogue view"),
    Hostile("SELECT * FROM information_schema.tables", REFUSED + "information_schema.tables is not one of",
            "another schema"),
    Hostile("SELECT * FROM schema_info", REFUSED + "schema_info is not one of", "the table naming the dataset folder"),
    Hostile("WITH duckdb_databases AS (SELECT 1) SELECT * FROM duckdb_databases", REFUSED + "a CTE needs a plain name",
            "a CTE shadowing a system view"),
    Hostile("SELECT * FROM (WITH x AS (SELECT 1) SELECT * FROM x) AS a, x", REFUSED + "x is not one of",
            "a CTE used out of its scope"),
    Hostile("SELECT * FROM system.main.duckdb_settings()", REFUSED + "the table function duckdb_settings",
            "a qualified table function"),
    Hostile("SELECT system.main.version()", REFUSED + "qualified function names", "a qualified function"),
    Hostile("SELECT list_transform([1], x -> getenv('HOME'))", REFUSED + "the function getenv", "a lambda"),
    Hostile("SELECT * FROM metrics WHERE company = $1", REFUSED + "query parameters", "a parameter"),
    # -- time and memory: cross joins, recursion, huge values --
    Hostile("SELECT count(*) FROM range(100000000) a, range(100000000) b", STOPPED, "a cross join of 10^16 rows"),
    Hostile("SELECT sum(a.range * b.range) FROM range(1000000) a, range(1000000) b", STOPPED, "a cross join, summed"),
    Hostile("SELECT sum(range) FROM range(100000000000)", TIME, "10^11 rows"),
    Hostile("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r", STOPPED,
            "a recursive CTE without end"),
    Hostile("WITH RECURSIVE r(s) AS (SELECT 'x' UNION ALL SELECT s || s FROM r) SELECT max(length(s)) FROM r",
            STOPPED, "a recursive CTE doubling a string"),
    Hostile("SELECT list(range) FROM range(200000000)", STOPPED, "a 200-million-element list"),
    Hostile("SELECT * FROM range(10000000) ORDER BY random()", CUT, "10 million rows sorted (the first 1,000 kept)"),
    Hostile("SELECT max(n) FROM (SELECT row_number() OVER (ORDER BY hash(range)) AS n FROM range(100000000))", STOPPED,
            "100 million rows sorted in a window"),
    Hostile("SELECT sleep_ms(100000)", REFUSED + "the function sleep_ms", "sleeping"),
    # (100 MB of cells: answered and cut, or, when DuckDB's buffers for it pass the memory limit first, which
    # happens on a loaded machine, stopped at the limit; both are bounded answers that say which bound)
    Hostile("SELECT repeat('x', 100000) FROM range(1000)", CUT + "|" + MEMORY, "1,000 cells of 100,000 characters"),
    # -- deep nesting --
    Hostile("SELECT " + "(" * 5000 + "1" + ")" * 5000, REFUSED + "the query is nested deeper", "5,000 parentheses"),
    Hostile("SELECT " + "abs(" * 900 + "1" + ")" * 900, REFUSED + "the query is nested too deeply to check",
            "900 nested calls"),
    Hostile("SELECT 1 " + "x" * 200_000, REFUSED + "the query is longer than", "a 200,000-character query"),
    # -- unicode and comment tricks --
    Hostile("SELECT * FROM ｒｅａｄ_ｃｓｖ('/etc/passwd')", REFUSED + "the table function", "full-width letters"),
    Hostile("SELECT * FROM rеad_csv('/etc/passwd')", REFUSED + "the table function", "a Cyrillic e"),
    Hostile("SELECT * FROM read\u200b_csv('/etc/passwd')", REFUSED, "a zero-width space"),
    Hostile('SELECT * FROM "read_csv"(\'/etc/passwd\')', REFUSED + "the table function read_csv", "a quoted name"),
    Hostile("SeLeCt * FrOm DuckDB_Settings()", REFUSED + "the table function duckdb_settings", "mixed case"),
    Hostile("SELECT 1 -- harmless\n; DROP TABLE articles", REFUSED + "one statement at a time",
            "a second statement behind a comment"),
    Hostile("SELECT 1 /* ; */ ; COPY articles TO '/tmp/startup-health-hostile.csv'", REFUSED + "one statement at a time",
            "a second statement behind a block comment"),
    Hostile("SELEC 1", SYNTAX, "a typo"),
]

#: the heavy ones sent together
FOUR_AT_ONCE = [
    "SELECT string_agg(text, '') FROM articles, range(60000)",
    "SELECT repeat('x', 1000000000)",
    "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r",
    "SELECT sum(range) FROM range(100000000000)",
]
