"""The embedded demo dataset: real at the top, illustrative below, deterministic.

Kabupaten totals by kelompok and jenis equal the published figures in data/reference/published.csv
(to the rupiah where they were published to the rupiah, to the rounding shown otherwise). Everything
below that level - which OPD, programme, sub kegiatan and account a rupiah sits in, each village's
budget, every monthly realisation - is generated with a seeded RNG and labelled illustrative
wherever it is shown. The generator writes canonical CSV files; `python -m demo` then loads them
through the same `load` path as real data.

All amounts are integer cents (int64) until they are written out as DECIMAL text.
"""
