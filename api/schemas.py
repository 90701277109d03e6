"""The API's contract as pydantic models: the query parameters each resource accepts (checked here, with
the same allow-lists and code patterns as the pages) and the answers it gives. The OpenAPI document
(`api/spec.py`) is generated from these classes; nothing of it is written by hand.

Money is a decimal string exact to the sen ("1500000.00"), never a float; percentages are decimal
strings with two places.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema

from budget.explorer import DIMENSIONS, RE_KODE, RE_SKPD, RE_SUMBER
from etl.schema import RE_KODE_DESA, RE_KODE_KECAMATAN, YEAR_MAX, YEAR_MIN

MAX_LIMIT = 1000  # the hard cap of one page of a list
DEFAULT_LIMIT = 100

Money = Annotated[
    Decimal,
    PlainSerializer(lambda v: f"{v:.2f}", return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^-?\d+\.\d{2}$", "examples": ["1500000.00"]}),
]
Percent = Annotated[
    Decimal,
    PlainSerializer(lambda v: f"{v:.2f}", return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^-?\d+\.\d{2}$", "examples": ["87.25"]}),
]
Tahap = Literal["murni", "perubahan"]
KODE_DESA = f"^{RE_KODE_DESA}$"


# ---------------------------------------------------------------------------------------------
# Query parameters (the names of the page URLs)
# ---------------------------------------------------------------------------------------------
class Query(BaseModel):
    model_config = ConfigDict(extra="forbid")  # an unknown parameter is named in a 400, never ignored


class Paged(Query):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"items per page (at most {MAX_LIMIT})")
    offset: int = Field(0, ge=0, le=10_000_000, description="items to skip")


class YearQuery(Query):
    tahun: int | None = Field(None, ge=YEAR_MIN, le=YEAR_MAX, description="budget year; the newest by default")
    tahap: Tahap | None = Field(None, description="budget stage: murni (original) or perubahan (revised)")


class PagedYearQuery(YearQuery, Paged):
    pass


class ApbdQuery(PagedYearQuery):
    dim: Literal[DIMENSIONS] = Field("org", description="hierarchy: org, ekonomi, fungsi, pendapatan, pendapatan_opd")  # type: ignore[valid-type]
    skpd: str | None = Field(None, pattern=f"^{RE_SKPD.pattern}$", description="OPD code (kode_skpd)")
    kode: str | None = Field(None, pattern=f"^{RE_KODE.pattern}$", description="code prefix in the hierarchy")
    rek: str | None = Field(None, pattern=f"^{RE_KODE.pattern}$", description="account of one line item")
    sd: str | None = Field(None, pattern=f"^{RE_SUMBER.pattern}$", description="funding source of one line item")
    tanpa: Literal["1"] | None = Field(None, description="1: the lines under `kode` without a code at the next level")


class MonthlyQuery(Query):
    tahun: int | None = Field(None, ge=YEAR_MIN, le=YEAR_MAX, description="budget year; the newest by default")
    skpd: str | None = Field(None, pattern=f"^{RE_SKPD.pattern}$", description="an OPD; the whole regency without")


class SerapanQuery(Paged):
    tahun: int | None = Field(None, ge=YEAR_MIN, le=YEAR_MAX, description="budget year; the newest by default")
    unit: Literal["opd", "desa"] = Field("opd", description="OPDs or villages")
    bulan: int | None = Field(None, ge=1, le=12, description="month; the last month with realisation by default")


class VillagesQuery(PagedYearQuery):
    kec: str | None = Field(None, pattern=f"^{RE_KODE_KECAMATAN}$", description="kecamatan code")


class VillageQuery(PagedYearQuery):
    pass


class SearchQuery(Paged):
    q: str = Field(..., min_length=2, max_length=60, description="at least 2 characters")
    tahun: int | None = Field(None, ge=YEAR_MIN, le=YEAR_MAX, description="budget year; the newest by default")


class GlossaryQuery(Paged):
    pass


# ---------------------------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------------------------
T = TypeVar("T")


class Meta(BaseModel):
    data_version: str = Field(description="changes at every publish; use it to cache")
    published_at: str | None = Field(description="when the data was published (ISO 8601)")
    demo: bool = Field(description="true: the figures below the regency totals are generated, illustrative data")
    source: str
    tahun: int | None = None
    tahap: Tahap | None = None
    limit: int
    offset: int
    total: int = Field(description="items in the whole list, before paging")


class Envelope(BaseModel, Generic[T]):
    data: T
    meta: Meta


class ErrorBody(BaseModel):
    status: int
    parameter: str | None = Field(description="the query or path parameter at fault, when there is one")
    message: str
    pesan: str = Field(description="the message in Indonesian")


class Error(BaseModel):
    error: ErrorBody


class YearInfo(BaseModel):
    tahun: int
    tahap: list[Tahap]
    demo: bool
    bulan_terakhir: int | None = Field(description="the last month with realisation")


class Share(BaseModel):
    kode: str
    nama: str
    anggaran: Money
    realisasi: Money
    persen: Percent | None = Field(description="share of all belanja")


class Summary(BaseModel):
    tahun: int
    tahap: Tahap
    bulan_terakhir: int | None
    pendapatan: Money
    realisasi_pendapatan: Money
    capaian_pendapatan: Percent | None
    belanja: Money
    realisasi_belanja: Money
    serapan: Percent | None = Field(description="realisasi ÷ anggaran of belanja, percent")
    rencana_kas_persen: Percent | None = Field(description="the cash plan to the last month, percent of belanja")
    pembiayaan_netto: Money
    penerimaan_pembiayaan: Money
    pengeluaran_pembiayaan: Money
    belanja_menurut_kelompok: list[Share]
    opd_terbesar: list[Share]
    jumlah_opd: int


class Crumb(BaseModel):
    level: str
    kode: str
    nama: str | None


class Child(BaseModel):
    kode: str
    nama: str
    anggaran: Money
    realisasi: Money
    serapan: Percent | None
    sisa: Money
    rincian: str = Field(description="a line item's OPD / sub kegiatan / funding source")
    baris_anggaran: bool = Field(description="true: a line item (no further level)")
    digabung: int = Field(description="> 0: this row sums that many further children")
    params: dict[str, str] = Field(description="the query parameters of this child's own node")


class LineField(BaseModel):
    label: str
    value: str | None


class ApbdNode(BaseModel):
    tahun: int
    tahap: Tahap
    params: dict[str, str]
    crumbs: list[Crumb]
    anggaran: Money
    realisasi: Money
    serapan: Percent | None
    bulan_terakhir: int | None
    anggaran_murni: Money | None
    anggaran_perubahan: Money | None
    tingkat_anak: str = Field(description="the level of the children: skpd, program, …, item, none")
    children: list[Child]
    children_anggaran: Money = Field(description="all children (every page) together")
    children_realisasi: Money
    baris: list[LineField] | None = Field(description="a line item's particulars")


class Month(BaseModel):
    bulan: int
    realisasi_kumulatif: Money | None
    rencana_kas_kumulatif: Money | None


class Monthly(BaseModel):
    tahun: int
    skpd: str | None
    nama: str | None
    anggaran: Money
    bulan: list[Month]


class Forecast(BaseModel):
    titik: Percent
    rendah: Percent
    tinggi: Percent


class StatusRow(BaseModel):
    peringkat: int
    kode: str
    nama: str
    status: Literal["aman", "waspada", "kritis", "na"]
    deviasi: Percent | None = Field(description="realised minus planned, percentage points of the budget")
    serapan: Percent | None
    rencana_persen: Percent | None
    anggaran: Money
    proyeksi_akhir_tahun: Forecast | None


class Absorption(BaseModel):
    tahun: int
    unit: Literal["opd", "desa"]
    bulan: int
    bulan_terakhir: int
    ambang_waspada: Percent
    ambang_kritis: Percent
    anggaran: Money
    realisasi: Money
    rencana: Money
    jumlah: dict[str, int]
    rows: list[StatusRow]


class VillageRow(BaseModel):
    kode: str
    nama: str
    kode_kecamatan: str
    kecamatan: str
    pendapatan: Money
    belanja: Money
    realisasi: Money
    serapan: Percent | None
    dana_desa: Money


class Income(BaseModel):
    sumber: str
    anggaran: Money
    realisasi: Money


class Bidang(BaseModel):
    kode: str
    nama: str
    anggaran: Money
    persen: Percent | None


class Kegiatan(BaseModel):
    kode: str
    nama: str
    anggaran: Money
    realisasi: Money


class YearTotal(BaseModel):
    tahun: int
    anggaran: Money | None
    realisasi: Money | None


class Village(BaseModel):
    kode: str
    jenis: Literal["village", "kelurahan", "no_budget"]
    nama: str
    kecamatan: str
    tahun: int
    tahap: Tahap
    belanja: Money
    realisasi: Money
    serapan: Percent | None
    belanja_per_penduduk: Money | None = Field(description="per estimated resident (see /istilah)")
    pendapatan_menurut_sumber: list[Income]
    bidang: list[Bidang]
    kegiatan: list[Kegiatan] = Field(description="every kegiatan, largest first (paged)")
    riwayat: list[YearTotal]


class Hit(BaseModel):
    jenis: str
    kode: str
    nama: str
    skpd: str | None
    skpd_nama: str | None
    url: str


class Term(BaseModel):
    kunci: str
    istilah: str
    penjelasan: str
    explanation: str
    term_en: str
    sumber: str
    contoh: str | None = Field(description="an example from the published data (Indonesian)")
    example: str | None


class Index(BaseModel):
    name: str
    version: str
    openapi: str
    docs: str
    resources: list[str]
