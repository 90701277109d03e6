"""The Siskeudes export: a zip of one CSV per table, as villages and the regency's systems read it.

| table | columns used | becomes |
|---|---|---|
| `Ta_Desa` | Kd_Desa, Nama_Desa | village names (and the name in a 'not in the mapping' message) |
| `Ta_Kegiatan` | Kd_Keg, Nama_Kegiatan | kegiatan names |
| `Ta_RAB` | Tahun, Kd_Desa, Kd_Keg, Kd_Rincian, Anggaran, AnggaranStlhPAK | the budget of each line, both stages: `apbdes_anggaran` |
| `Ta_RABRinci` | Kd_Desa, Kd_Keg, Kd_Rincian, SumberDana, Anggaran, AnggaranStlhPAK | the detail under each Ta_RAB line: its sumber dana (a line with several is split by them) |
| `Ta_SPJ` + `Ta_SPJRinci` | No_SPJ, Tgl_SPJ / Kd_Keg, Kd_Rincian, Sumberdana, Nilai | belanja realised, by the month of the SPJ |
| `Ta_TBP` + `Ta_TBPRinci` | No_Bukti, Tgl_Bukti / Kd_Keg, Kd_Rincian, SumberDana, Nilai | pendapatan (and pembiayaan) received, by the month of the TBP |
| `Ta_JurnalUmum` + `Ta_JurnalUmumRinci` | NoBukti, Tanggal, Posted / Kd_Keg, Kd_Rincian, Sumberdana, Debet, Kredit | posted adjustments: Debet − Kredit on belanja and pengeluaran pembiayaan, Kredit − Debet on pendapatan and penerimaan pembiayaan |
| `Ta_Mutasi` | Tgl_Bukti, Kd_Rincian, Sumberdana, Nilai | bank interest (a pendapatan account) by its month; transfers between cash and bank carry no account and are not realisation |

Headers match whatever their case (`Nilai`/`nilai`, `SumberDana`/`Sumberdana`). Dates come as
`dd/mm/yyyy`, `dd/mm/yyyy hh:mm:ss` or `yyyy-mm-dd[ hh:mm:ss]`; amounts as `150000000`, `150000000.00` or
`150.000.000,00`. Codes lose their trailing dot; a pendapatan or pembiayaan line's placeholder kegiatan (the
village code followed by zeros) is no kegiatan. Village codes are mapped to Kemendagri codes through
`data/reference/siskeudes_desa.csv`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pandas as pd

from etl.numbers import BadAmount, parse_amount
from etl.schema import TABLES
from etl.validate import Issue, ReadResult, _decode, _delimiter, check_frame
from settings import REFERENCE_DIR

MAX_ZIP_BYTES = 1024 * 1024 * 1024
MAX_ZIP_RATIO = 100
MAX_MEMBERS = 500
TOLERANCE = Decimal("1.00")  # rupiah Ta_RAB may differ from the sum of its Ta_RABRinci lines
MAPPING_FILE = "data/reference/siskeudes_desa.csv"
POSTED = {"1", "-1", "true", "ya", "y", "yes"}


@dataclass
class ZTable:
    """One CSV table of the zip: rows as dicts with lower-case column names; row i is CSV row i + 2."""

    name: str
    member: str
    rows: list[dict[str, str]]

    @property
    def label(self) -> str:
        return Path(self.member).name


def _safe_zip(path: Path) -> zipfile.ZipFile:
    zf = zipfile.ZipFile(path)
    infos = zf.infolist()
    total = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if total > MAX_ZIP_BYTES or total / packed > MAX_ZIP_RATIO or len(infos) > MAX_MEMBERS:
        zf.close()
        raise ValueError(f"refused: unpacks to {total:,} bytes from {packed:,} (a zip bomb?)")
    return zf


def _table(zf: zipfile.ZipFile, name: str) -> ZTable | None:
    member = next((m for m in zf.namelist() if Path(m).stem.lower() == name.lower()), None)
    if member is None:
        return None
    text, _ = _decode(zf.read(member))
    reader = csv.DictReader(io.StringIO(text), delimiter=_delimiter(text))
    rows = []
    for r in reader:
        rows.append({(k or "").strip().lstrip("\ufeff").lower(): (v or "").strip() for k, v in r.items() if k})
    return ZTable(name, member, rows)


def _get(r: dict[str, str], *cols: str) -> str:
    for c in cols:
        v = r.get(c.lower())
        if v:
            return v
    return ""


def _code(v: str) -> str:
    return v.strip().rstrip(".")


def kegiatan(kd_keg: str, kd_desa: str) -> str:
    """'01.2001.02.03.10.' (village + bidang.sub_bidang.kegiatan) -> '02.03.10'; '' for none, including
    the placeholder pendapatan and pembiayaan lines carry ('01.2001.00.00.00.', or the village code)."""
    rest = _code(kd_keg)
    desa = _code(kd_desa)
    if desa and rest.startswith(desa):
        rest = rest[len(desa) :].lstrip(".")
    return "" if re.fullmatch(r"[0.]*", rest) else rest


def parse_date(text: str) -> tuple[dt.date | None, str | None]:
    """(date, None) or (None, why not) for dd/mm/yyyy[ hh:mm:ss] and yyyy-mm-dd[ hh:mm:ss]."""
    s = text.strip()
    if not s:
        return None, "no date"
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?", s)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if month > 12 and day <= 12:
            return None, f"{s!r}: month {month}; saved as month/day/year?"
    else:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?", s)
        if not m:
            return None, repr(s)[:40]
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        return dt.date(year, month, day), None
    except ValueError:
        return None, f"{s!r}: no such day"


def _mapping() -> dict[str, str]:
    with (REFERENCE_DIR / "siskeudes_desa.csv").open(encoding="utf-8") as f:
        return {r["kd_desa_siskeudes"]: r["kode_desa"] for r in csv.DictReader(f)}


def _account_names() -> dict[str, str]:
    with (REFERENCE_DIR / "rekening_apbdes.csv").open(encoding="utf-8") as f:
        return {r["kode"]: r["nama"] for r in csv.DictReader(f)}


class _Reader:
    """Reads one zip; collects every problem into the budget or realisation result."""

    def __init__(self, path: Path, zf: zipfile.ZipFile, tahun: int | None):
        self.path, self.zf, self.tahun = path, zf, tahun
        self.name = path.name
        self.budget = ReadResult(path, reader="siskeudes-zip")
        self.real = ReadResult(path, reader="siskeudes-zip")
        self.mapping = _mapping()
        self.village_names: dict[str, str] = {}
        self.unmapped: set[tuple[str, str]] = set()

    # -- helpers -------------------------------------------------------------------------------
    def issue(self, res: ReadResult, t: ZTable | None, row: int | None, col: str | None, expected: str, found: str):
        res.issues.append(Issue(self.name, row, col, expected, found, sheet=t.label if t else None))

    def village(self, res: ReadResult, t: ZTable, i: int, r: dict) -> str | None:
        """The Kemendagri code of a row's Kd_Desa, or None with one error per table and village."""
        kd = _get(r, "Kd_Desa")
        kode = self.mapping.get(kd) or self.mapping.get(_code(kd) + ".")
        if kode is None and (t.name, kd) not in self.unmapped:
            self.unmapped.add((t.name, kd))
            nama = self.village_names.get(kd)
            self.issue(
                res,
                t,
                i,
                "Kd_Desa",
                f"a village listed in {MAPPING_FILE}; add a line "
                f"'{kd},<kode Kemendagri>,{nama or '<nama>'}' to that file / tambahkan desa ini ke berkas itu",
                f"{kd!r}" + (f" (Desa {nama} in Ta_Desa)" if nama else " (not in Ta_Desa either)"),
            )
        return kode

    def amount(self, res: ReadResult, t: ZTable, i: int, r: dict, col: str) -> Decimal | None:
        try:
            return parse_amount(_get(r, col)) or Decimal(0)
        except BadAmount:
            self.issue(res, t, i, col, "an amount like 150000000, 150000000.00 or 150.000.000,00", repr(_get(r, col)))
            return None

    def year(self, r: dict) -> str:
        return _get(r, "Tahun") or (str(self.tahun) if self.tahun else "")

    # -- budget --------------------------------------------------------------------------------
    def read_budget(self) -> None:
        desa, rab, rinci = _table(self.zf, "Ta_Desa"), _table(self.zf, "Ta_RAB"), _table(self.zf, "Ta_RABRinci")
        for label, t in (("Ta_Desa", desa), ("Ta_RAB", rab)):
            if t is None:
                self.issue(self.budget, None, None, label, f"a table {label}.csv in the zip", "missing")
        if desa is None or rab is None:
            return
        self.village_names = {_get(r, "Kd_Desa"): _get(r, "Nama_Desa") for r in desa.rows}
        keg = _table(self.zf, "Ta_Kegiatan")
        keg_names = {_code(_get(r, "Kd_Keg")): _get(r, "Nama_Kegiatan") for r in (keg.rows if keg else [])}
        accounts = _account_names()
        lines: dict[tuple[str, str, str], dict] = {}
        for i, r in enumerate(rab.rows, start=2):
            kd_desa = _get(r, "Kd_Desa")
            kode = self.village(self.budget, rab, i, r)
            murni = self.amount(self.budget, rab, i, r, "Anggaran")
            stlh = self.amount(self.budget, rab, i, r, "AnggaranStlhPAK")
            if kode is None or murni is None or stlh is None:
                continue
            key = (_code(kd_desa), _code(_get(r, "Kd_Keg")), _code(_get(r, "Kd_Rincian")))
            lines[key] = {
                "row": i,
                "r": r,
                "kode_desa": kode,
                "murni": murni,
                "perubahan": stlh,
                "split": {"murni": {}, "perubahan": {}},
                "n": 0,
            }
        if rinci is not None:
            for i, r in enumerate(rinci.rows, start=2):
                key = (_code(_get(r, "Kd_Desa")), _code(_get(r, "Kd_Keg")), _code(_get(r, "Kd_Rincian")))
                line = lines.get(key)
                if line is None:
                    if self.mapping.get(_get(r, "Kd_Desa")) is not None:  # unmapped villages are reported once
                        self.issue(
                            self.budget,
                            rinci,
                            i,
                            "Kd_Rincian",
                            "a detail line under a Ta_RAB line (same Kd_Desa, Kd_Keg, Kd_Rincian)",
                            f"no Ta_RAB line {'/'.join(key)}",
                        )
                    continue
                murni = self.amount(self.budget, rinci, i, r, "Anggaran")
                stlh = self.amount(self.budget, rinci, i, r, "AnggaranStlhPAK")
                if murni is None or stlh is None:
                    continue
                sumber = _get(r, "SumberDana").upper()
                line["n"] += 1
                for tahap, v in (("murni", murni), ("perubahan", stlh)):
                    line["split"][tahap][sumber] = line["split"][tahap].get(sumber, Decimal(0)) + v
        has_pak = any(line["perubahan"] != 0 for line in lines.values())
        rows_b, idx_b = [], []
        for (kd_desa, kd_keg, rek), line in lines.items():
            for tahap, col in (("murni", "Anggaran"), ("perubahan", "AnggaranStlhPAK")):
                if tahap == "perubahan" and not has_pak:
                    continue
                for sumber, value in self.split(rab, rinci, line, tahap, col).items():
                    if value == 0:
                        continue
                    rows_b.append(
                        {
                            "tahun": self.year(line["r"]),
                            "tahap": tahap,
                            "kode_desa": line["kode_desa"],
                            "nama_desa": self.village_names.get(_get(line["r"], "Kd_Desa"), ""),
                            "kode_kegiatan": kegiatan(kd_keg, kd_desa),
                            "nama_kegiatan": keg_names.get(kd_keg, ""),
                            "kode_rekening": rek,
                            "nama_rekening": accounts.get(rek, accounts.get(".".join(rek.split(".")[:3]), "")),
                            "sumber_dana": sumber,
                            "nilai": f"{value:f}",
                        }
                    )
                    idx_b.append(line["row"])
        self.budget.sheet = rab.label + (f" + {rinci.label}" if rinci else "")
        self.budget.rows_read = len(rab.rows) + (len(rinci.rows) if rinci else 0)
        cols = TABLES["apbdes_anggaran"].column_names
        check_frame(self.budget, _frame(rows_b, idx_b, cols), TABLES["apbdes_anggaran"])

    def split(self, rab: ZTable, rinci: ZTable | None, line: dict, tahap: str, col: str) -> dict[str, Decimal]:
        """A Ta_RAB line's amount by sumber dana: its Ta_RABRinci lines, which must add up to it; the
        Ta_RAB amount is what counts, so a rounding difference (≤ Rp1) goes to the largest sumber."""
        total = line[tahap]
        parts = line["split"][tahap]
        if not line["n"]:
            return {_get(line["r"], "SumberDana").upper(): total}  # an export without detail lines
        got = sum(parts.values(), Decimal(0))
        if abs(got - total) > TOLERANCE:
            self.issue(
                self.budget,
                rab,
                line["row"],
                col,
                f"the sum of its {line['n']} Ta_RABRinci lines ({got:f}) / sama dengan jumlah rinciannya",
                f"{total:f}",
            )
            return {}
        out = dict(parts)
        if got != total and out:
            largest = max(out, key=lambda s: out[s])
            out[largest] += total - got
        return out

    # -- realisation ---------------------------------------------------------------------------
    def read_realisation(self) -> None:
        self.sums: dict[tuple, list] = {}
        self.sources: list[str] = []
        self.rows_read = 0
        for head, detail, no, date in (
            ("Ta_SPJ", "Ta_SPJRinci", "No_SPJ", "Tgl_SPJ"),
            ("Ta_TBP", "Ta_TBPRinci", "No_Bukti", "Tgl_Bukti"),
        ):
            self.documents(head, detail, no, date)
        self.journal()
        self.mutasi()
        keys = list(self.sums)
        records = [
            {
                "tahun": k[0],
                "bulan": k[1],
                "kode_desa": k[2],
                "kode_kegiatan": k[3],
                "kode_rekening": k[4],
                "sumber_dana": k[5],
                "nilai": f"{self.sums[k][1]:f}",
            }
            for k in keys
        ]
        df = _frame(records, [self.sums[k][0] for k in keys], TABLES["apbdes_realisasi"].column_names)
        # An export is the village's books for the year so far: it replaces every month of that year for
        # its villages, so a month without a transaction now keeps nothing from an earlier load.
        villages = {(t, k) for t, k in zip(self.budget.frame["tahun"], self.budget.frame["kode_desa"])}
        self.real.covers = sorted((t, str(m), k) for t, k in villages for m in range(1, 13))
        self.real.sheet = " + ".join(self.sources)
        self.real.rows_read = self.rows_read
        check_frame(self.real, df, TABLES["apbdes_realisasi"])

    def add(self, t: ZTable, i: int, r: dict, kode: str, when: dt.date, value: Decimal) -> None:
        key = (
            self.year(r),
            str(when.month),
            kode,
            kegiatan(_get(r, "Kd_Keg"), _get(r, "Kd_Desa")),
            _code(_get(r, "Kd_Rincian")),
            _get(r, "SumberDana").upper(),
        )
        entry = self.sums.setdefault(key, [i, Decimal(0)])
        entry[1] += value

    def dated(self, t: ZTable, i: int, r: dict, col: str) -> dt.date | None:
        when, why = parse_date(_get(r, col))
        if when is None:
            self.issue(
                self.real, t, i, col, "a date dd/mm/yyyy[ hh:mm:ss] or yyyy-mm-dd[ hh:mm:ss] / tanggal", why or ""
            )
            return None
        year = self.year(r)
        if year and str(when.year) != year:
            self.issue(self.real, t, i, col, f"a date in the budget year {year} / tanggal di tahun anggaran", str(when))
            return None
        return when

    def headers(self, t: ZTable, no: str, date: str, posted: bool = False) -> dict[str, tuple[dt.date, bool]]:
        """Document number -> (date, posted) from a header table; bad dates are reported here."""
        out = {}
        for i, r in enumerate(t.rows, start=2):
            when = self.dated(t, i, r, date)
            if when is not None:
                is_posted = _get(r, "Posted").lower() in POSTED if posted else True
                out[(_get(r, "Kd_Desa"), _get(r, no))] = (when, is_posted)
        return out

    def detail_rows(self, head: ZTable, detail: ZTable, no: str, heads: dict, bad_heads: set):
        """(row number, row, village code, date, posted) for every detail line with a header."""
        for i, r in enumerate(detail.rows, start=2):
            kode = self.village(self.real, detail, i, r)
            doc = (_get(r, "Kd_Desa"), _get(r, no))
            if doc not in heads:
                if doc not in bad_heads and kode is not None:
                    self.issue(
                        self.real,
                        detail,
                        i,
                        no,
                        f"a header row in {head.label} for this document / baris induk di {head.label}",
                        f"{doc[1]!r} has none",
                    )
                continue
            if kode is None:
                continue
            when, posted = heads[doc]
            yield i, r, kode, when, posted

    def documents(self, head_name: str, detail_name: str, no: str, date: str) -> None:
        head, detail = _table(self.zf, head_name), _table(self.zf, detail_name)
        if detail is None:
            return
        if head is None:
            self.issue(
                self.real, None, None, head_name, f"a table {head_name}.csv with the dates of {detail_name}", "missing"
            )
            return
        self.sources.append(detail.label)
        self.rows_read += len(detail.rows)
        heads = self.headers(head, no, date)
        bad = {(_get(r, "Kd_Desa"), _get(r, no)) for r in head.rows} - set(heads)
        for i, r, kode, when, _posted in self.detail_rows(head, detail, no, heads, bad):
            value = self.amount(self.real, detail, i, r, "Nilai")
            if value is not None:
                self.add(detail, i, r, kode, when, value)

    def journal(self) -> None:
        head, detail = _table(self.zf, "Ta_JurnalUmum"), _table(self.zf, "Ta_JurnalUmumRinci")
        if detail is None:
            return
        if head is None:
            self.issue(
                self.real, None, None, "Ta_JurnalUmum", "a table Ta_JurnalUmum.csv with the journal dates", "missing"
            )
            return
        self.sources.append(detail.label)
        self.rows_read += len(detail.rows)
        heads = self.headers(head, "NoBukti", "Tanggal", posted=True)
        bad = {(_get(r, "Kd_Desa"), _get(r, "NoBukti")) for r in head.rows} - set(heads)
        for i, r, kode, when, posted in self.detail_rows(head, detail, "NoBukti", heads, bad):
            rek = _code(_get(r, "Kd_Rincian"))
            if not posted or not re.match(r"[4-6]\.", rek):
                continue  # an unposted draft, or the cash/bank side of the entry
            debet = self.amount(self.real, detail, i, r, "Debet")
            kredit = self.amount(self.real, detail, i, r, "Kredit")
            if debet is None or kredit is None:
                continue
            spending = rek.startswith("5") or rek.startswith("6.2")
            self.add(detail, i, r, kode, when, debet - kredit if spending else kredit - debet)

    def mutasi(self) -> None:
        t = _table(self.zf, "Ta_Mutasi")
        if t is None:
            return
        self.sources.append(t.label)
        self.rows_read += len(t.rows)
        for i, r in enumerate(t.rows, start=2):
            rek = _code(_get(r, "Kd_Rincian"))
            if not re.match(r"[45]\.", rek):
                continue  # a transfer between cash and bank: not budget realisation
            kode = self.village(self.real, t, i, r)
            when = self.dated(t, i, r, "Tgl_Bukti")
            value = self.amount(self.real, t, i, r, "Nilai")
            if kode is not None and when is not None and value is not None:
                self.add(t, i, r, kode, when, value)


def _frame(records: list[dict], index: list[int], columns: list[str]) -> pd.DataFrame:
    """Canonical string frame (also when empty), indexed by source row."""
    return pd.DataFrame(records, index=pd.Index(index, dtype="int64"), columns=columns, dtype=str)


def read_siskeudes(path: Path, tahun: int | None = None) -> list[ReadResult]:
    """Budget (`apbdes_anggaran`) and realisation (`apbdes_realisasi`) from one export."""
    zf = _safe_zip(path)
    try:
        reader = _Reader(path, zf, tahun)
        reader.read_budget()
        if reader.budget.table is None:
            return [reader.budget]
        reader.read_realisation()
        return [reader.budget, reader.real]
    finally:
        zf.close()
