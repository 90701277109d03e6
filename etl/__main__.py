"""python -m etl load PATH... | validate PATH... | export DIR | info | generations | rollback | verify |
hash-password"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from etl.loading import EXIT_INVALID, load, report
from etl.publish import stderr_progress
from etl.readers import Options
from etl.reading import read_all
from settings import db_path


def _expand(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out += (
            sorted(f for f in p.iterdir() if f.suffix.lower() in (".csv", ".xlsx", ".xml", ".xls", ".zip"))
            if p.is_dir()
            else [p]
        )
    return out


def _opts(args) -> Options:
    return Options(tahun=args.tahun, tahap=args.tahap, bulan=args.bulan)


def cmd_validate(args) -> int:
    results = read_all(_expand(args.paths), _opts(args))
    errors = report(results)
    print(f"{len(results)} file(s), {errors} error(s)" + ("" if errors else ": valid"))
    return EXIT_INVALID if errors else 0


def cmd_load(args) -> int:
    return load(_expand(args.paths), fresh=args.replace_all, opts=_opts(args))


def cmd_export(args) -> int:
    import duckdb

    from etl.schema import TABLES

    out = Path(args.dir)
    fmt = args.format
    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db_path()), read_only=True)
    try:
        for name, t in TABLES.items():
            path = out / f"{name}.{fmt}"
            # `name` and the sort columns come from the fixed schema, not from input.
            rel = con.sql("SELECT * FROM " + name + " ORDER BY " + ", ".join(t.sort))
            rel.write_csv(str(path), header=True) if fmt == "csv" else rel.write_parquet(str(path))
            n = con.execute("SELECT COUNT(*) FROM " + name).fetchall()[0][0]
            print(f"{path}: {n:,} rows")
    finally:
        con.close()
    return 0


def cmd_info(args) -> int:
    """The published file's facts, row counts and reconciliation, read as the /data page reads them
    (`etl/facts.py`), in English for the terminal."""
    from etl import facts

    with facts.on_file(db_path()) as run:
        info, counts, reconciled = facts.dataset_info(run), facts.table_counts(run), facts.reconciliation(run)
    print(f"database: {db_path()}")
    print(f"published: {info['published_at']}")
    if info["illustrative_years"]:
        print(
            "illustrative (generated demo data below the published totals): "
            + ", ".join(map(str, info["illustrative_years"]))
        )
    print("\nrows per table and year")
    for name, tahun, n in counts:
        print(f"  {name:<20} {tahun}  {n:>10,}")
    print("\nreconciliation with the published figures (ours rounded to the unit published)")
    bad = 0
    for r in reconciled:
        unit = f" (published rounded to Rp{r.pembulatan:,.0f})" if r.pembulatan >= 1000 else ""
        if r.ukuran == "persen":
            fig = f"{r.published}% vs {r.ours_rounded}%" if r.ours is not None else f"{r.published}% vs -"
        else:
            fig = f"Rp{r.published:,} vs {f'Rp{r.ours:,}' if r.ours is not None else '-'}"
        diff = r.difference
        status = "missing" if diff is None else ("ok" if diff == 0 else f"DIFF {diff}")
        bad += status != "ok"
        print(f"  {r.tahun} {r.dokumen:<9} {r.kode:<7} {r.uraian[:44]:<44} {fig}{unit}  [{status}]")
    print(f"\n{'all published figures reconcile' if not bad else f'{bad} figure(s) do not reconcile'}")
    return 0 if not bad or not args.strict else 1


def cmd_generations(args) -> int:
    from etl.generations import folder, keep, list_generations

    gens = list_generations(db_path())
    print(f"published: {db_path()}")
    print(f"generations in {folder(db_path())} (the newest {keep()} are kept; GENERATIONS=... changes that):")
    if not gens:
        print("  none yet: one is kept at every publish")
    for g in gens:
        files = ", ".join(g.files[:3]) + (f" and {len(g.files) - 3} more" if len(g.files) > 3 else "")
        who = f"  by {g.by}" if g.by else ""
        print(
            f"  {g.id}  published {g.published_at}{who}  {g.size / 2**20:,.1f} MB  sha256 {g.sha256[:12]}  ({g.note})"
        )
        print(f"      files: {files or '-'}")
    return 0


def cmd_rollback(args) -> int:
    from etl.generations import rollback
    from etl.publish import sha256

    try:
        rollback(db_path(), args.id, sha256, stderr_progress)
    except (LookupError, ValueError, OSError) as exc:
        print(f"FAILED: {exc}; {db_path()} is unchanged.", file=sys.stderr)
        return 1
    return 0


def cmd_verify(args) -> int:
    from etl.generations import verify

    problems = verify(db_path())
    for p in problems:
        print(f"PROBLEM: {p}", file=sys.stderr)
    print(f"{db_path()}: " + ("sound" if not problems else f"{len(problems)} problem(s)"))
    return 1 if problems else 0


def cmd_hash_password(args) -> int:
    """Read a password from standard input (no echo on a terminal) and print its hash for ADMIN_PASSWORD_HASH
    or a KELOLA_USERS file. werkzeug.security does the hashing (scrypt, salted)."""
    import getpass

    from werkzeug.security import generate_password_hash

    if sys.stdin.isatty():
        password = getpass.getpass("password: ")
        if getpass.getpass("again: ") != password:
            print("the two passwords differ", file=sys.stderr)
            return EXIT_INVALID
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if len(password) < 10:
        print("refused: a password of at least 10 characters, please", file=sys.stderr)
        return EXIT_INVALID
    print(generate_password_hash(password))
    return 0


def _file_options(p) -> None:
    p.add_argument("--tahun", type=int, help="the year, when a file's title rows do not say")
    p.add_argument("--tahap", choices=("murni", "perubahan"), help="the budget stage, when a file does not say")
    p.add_argument(
        "--bulan",
        type=int,
        choices=range(1, 13),
        metavar="1-12",
        help="the month a cumulative realisation runs to, when a file does not say",
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["demo"]:
        # The demo generator lives above the ETL (`demo/`, `python -m demo`); the old command still runs it,
        # as a program of its own (no import: the ETL never depends on what sits above it).
        return subprocess.call([sys.executable, "-m", "demo", *argv[1:]])
    ap = argparse.ArgumentParser(
        prog="python -m etl", description="Anggaran Terbuka ETL (the demo dataset: python -m demo)"
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser(
        "load",
        help="validate and load files (canonical CSV/XLSX, Perda/SIMDA/LRA summaries, "
        "DJPK XML, Siskeudes zip), then publish atomically",
    )
    p.add_argument("paths", nargs="+", help="files, or folders of them")
    _file_options(p)
    p.add_argument(
        "--replace-all",
        action="store_true",
        help="start from an empty database instead of replacing only the years/stages/months the files contain",
    )
    p.set_defaults(fn=cmd_load)
    p = sub.add_parser("validate", help="run every check without publishing")
    p.add_argument("paths", nargs="+")
    _file_options(p)
    p.set_defaults(fn=cmd_validate)
    p = sub.add_parser("export", help="write the canonical tables as CSV (or Parquet) into DIR")
    p.add_argument("dir")
    p.add_argument("--format", choices=("csv", "parquet"), default="csv")
    p.set_defaults(fn=cmd_export)
    p = sub.add_parser("generations", help="list the earlier published files kept for rollback")
    p.set_defaults(fn=cmd_generations)
    p = sub.add_parser(
        "hash-password", help="read a password on standard input and print its hash (ADMIN_PASSWORD_HASH)"
    )
    p.set_defaults(fn=cmd_hash_password)
    p = sub.add_parser("rollback", help="re-publish an earlier file (the newest kept one by default)")
    p.add_argument("id", nargs="?", help="a generation id (or its start) from `generations`")
    p.set_defaults(fn=cmd_rollback)
    p = sub.add_parser("verify", help="check the published file: opens, views, checksums, reconciliation")
    p.set_defaults(fn=cmd_verify)
    p = sub.add_parser("info", help="row counts and reconciliation with the published figures")
    p.add_argument("--strict", action="store_true", help="exit 1 when a published figure does not reconcile")
    p.set_defaults(fn=cmd_info)
    args = ap.parse_args(argv)
    return args.fn(args)


if __name__ == "__main__":
    sys.exit(main())
