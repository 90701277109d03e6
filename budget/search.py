"""One search, ranked one way: find an OPD, programme, kegiatan, sub kegiatan or account (`search`), or a
desa/kelurahan (`villages`), by code prefix or by typo-tolerant name. `rank` is the one ranking both use,
so their scores mean the same thing (the API lists both in one list, best first)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from budget import db

MAX_QUERY = 80
RE_CODE = re.compile(r"[\d.]+")


@dataclass(frozen=True)
class Hit:
    jenis: str  # skpd, program, kegiatan, sub_kegiatan, rekening
    kode: str
    nama: str
    skpd: str | None  # the SKPD a programme/kegiatan/sub kegiatan belongs to
    skpd_nama: str | None
    score: float


def _candidates(tahun: int) -> list[tuple[str, str, str, str | None, str | None]]:
    rows = db.query(
        """
        WITH l AS (SELECT * FROM apbd_anggaran WHERE tahun = ?)
        SELECT DISTINCT 'skpd', kode_skpd, nama_skpd || COALESCE(' (' || o.singkatan || ')', ''), kode_skpd, nama_skpd
          FROM l LEFT JOIN ref_opd o ON o.kode = l.kode_skpd
        UNION ALL SELECT DISTINCT 'program', kode_program, nama_program, kode_skpd, nama_skpd FROM l
          WHERE kode_program IS NOT NULL
        UNION ALL SELECT DISTINCT 'kegiatan', kode_kegiatan, nama_kegiatan, kode_skpd, nama_skpd FROM l
          WHERE kode_kegiatan IS NOT NULL
        UNION ALL SELECT DISTINCT 'sub_kegiatan', kode_sub_kegiatan, nama_sub_kegiatan, kode_skpd, nama_skpd FROM l
          WHERE kode_sub_kegiatan IS NOT NULL
        UNION ALL SELECT 'rekening', r.kode, r.nama, NULL, NULL FROM ref_rekening_apbd r
          WHERE r.level <> 'akun' AND r.kode IN (
            SELECT DISTINCT left(kode_rekening, n) FROM l, (VALUES (3), (6), (9), (12), (17)) v(n))
        """,
        [tahun],
    )
    return [tuple(r) for r in rows]


def _tier(pq: str, text: str) -> int | None:
    """0: the query is a whole word or a word prefix of the name; 1: a substring; 2: a typo away (they share
    a run of at least 4 characters); None: no real match."""
    from difflib import SequenceMatcher

    if re.search(r"\b" + re.escape(pq), text):
        return 0
    if pq in text:
        return 1
    m = SequenceMatcher(None, pq, text, autojunk=False).find_longest_match(0, len(pq), 0, len(text))
    return 2 if m.size >= min(4, len(pq)) and len(text) >= 0.6 * len(pq) else None


def clean(query: object, limit: int = MAX_QUERY) -> str:
    return " ".join(str(query or "").split())[:limit]


def rank(q: str, names: Sequence[str], limit: int) -> list[tuple[int, float]]:
    """(index, score) of the names that match `q`, best first (ties keep the candidates' order).

    Fuzzy candidates come from WRatio (>= 70), so typos still find their target; they are re-ranked with
    token_set_ratio, which prefers names whose words all match. Exact words and word prefixes come first
    (score at least 96), then substrings (93), then typo matches; a "match" that shares no real piece of
    the query (posyandu -> DAU) is no match at all. A short abbreviation scores low on WRatio against long
    names, so when nothing scores 90 it is also looked for as a whole word."""
    pq = utils.default_process(q)
    found = process.extract(
        q, list(names), scorer=fuzz.WRatio, processor=utils.default_process, limit=limit * 5, score_cutoff=70
    )
    scored: dict[int, float] = {}
    for name, score, i in found:
        text = utils.default_process(name)
        tier = _tier(pq, text)
        if tier is None:
            continue
        combined = (score + fuzz.token_set_ratio(pq, text)) / 2
        scored[i] = max(combined, (96.0, 93.0, 0.0)[tier])
    if not scored or max(scored.values()) < 90:
        word = re.compile(r"\b" + re.escape(pq) + r"\b")
        for i, n in enumerate(names):
            if n and i not in scored and word.search(utils.default_process(n)):
                scored[i] = 96.0
    return sorted(scored.items(), key=lambda kv: (-round(kv[1]), kv[0]))


def search(tahun: int, query: str, limit: int = 10) -> list[Hit]:
    """Codes match by prefix (shortest first); names by `rank`, an OPD before a programme before a kegiatan
    at the same score."""
    q = clean(query)
    if len(q) < 2:
        return []
    cands = _candidates(tahun)
    if RE_CODE.fullmatch(q):
        hits = [Hit(j, k, n, s, sn, 100.0) for j, k, n, s, sn in cands if k and k.startswith(q)]
        hits.sort(key=lambda h: (len(h.kode), h.kode, h.skpd_nama or ""))
        return hits[:limit]
    order = {"skpd": 0, "program": 1, "kegiatan": 2, "sub_kegiatan": 3, "rekening": 4}
    hits = [Hit(*cands[i], score) for i, score in rank(q, [n or "" for _, _, n, _, _ in cands], limit)]
    hits.sort(key=lambda h: (-round(h.score), order[h.jenis], h.kode))
    return hits[:limit]


def villages(query: str, limit: int = 8) -> list[tuple[str, str, str, str, float]]:
    """(kode, nama, kecamatan, jenis, score) of the desa/kelurahan: codes by prefix, names by `rank`."""
    q = clean(query, 60)
    if len(q) < 2:
        return []
    rows = db.query("SELECT kode, nama, kecamatan, jenis FROM ref_desa ORDER BY kode")
    if RE_CODE.fullmatch(q):
        return [(k, n, kc, j, 100.0) for k, n, kc, j in rows if k.startswith(q)][:limit]
    return [(*rows[i], score) for i, score in rank(q, [r[1] for r in rows], limit)][:limit]
