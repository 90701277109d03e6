"""Find an OPD, programme, kegiatan, sub kegiatan or account by code or (typo-tolerant) name."""

from __future__ import annotations

import re
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


def search(tahun: int, query: str, limit: int = 10) -> list[Hit]:
    """Codes match by prefix; names by fuzzy score (WRatio >= 70) so typos still find their target."""
    q = " ".join(str(query or "").split())[:MAX_QUERY]
    if len(q) < 2:
        return []
    cands = _candidates(tahun)
    if RE_CODE.fullmatch(q):
        hits = [Hit(j, k, n, s, sn, 100.0) for j, k, n, s, sn in cands if k and k.startswith(q)]
        hits.sort(key=lambda h: (len(h.kode), h.kode, h.skpd_nama or ""))
        return hits[:limit]
    names = [n or "" for _, _, n, _, _ in cands]
    found = process.extract(
        q, names, scorer=fuzz.WRatio, processor=utils.default_process, limit=limit * 5, score_cutoff=70
    )
    order = {"skpd": 0, "program": 1, "kegiatan": 2, "sub_kegiatan": 3, "rekening": 4}
    pq = utils.default_process(q)
    # Re-rank: WRatio finds partial matches; token_set_ratio prefers names whose words all match.
    # Exact words and prefixes come first, then substrings, then typo matches; a "match" that shares no
    # real piece of the query (posyandu -> DAU) is no match at all.
    hits = []
    for name, score, i in found:
        text = utils.default_process(name)
        tier = _tier(pq, text)
        if tier is None:
            continue
        combined = (score + fuzz.token_set_ratio(pq, text)) / 2
        combined = max(combined, (96.0, 93.0, 0.0)[tier])
        hits.append(Hit(*cands[i], combined))
    if not hits or max(h.score for h in hits) < 90:
        # Short abbreviations score low on WRatio against long names: look for them as words too.
        for j, k, n, s, sn in cands:
            if n and re.search(r"\b" + re.escape(pq) + r"\b", utils.default_process(n)):
                hits.append(Hit(j, k, n, s, sn, 96.0))
    hits.sort(key=lambda h: (-round(h.score), order[h.jenis], h.kode))
    return hits[:limit]
