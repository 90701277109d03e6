"""Every UI string, Indonesian first, with English. `t(key, lang, **values)` formats one.

In English, domain words a reader would not know are translated, with the Indonesian term in brackets
where it helps someone who will read official documents ("Absorption (serapan)"). Names (Desa Kaliboyo,
Kecamatan Batang) and acronyms (APBD, OPD, Dana Desa) stay as they are.
"""

from __future__ import annotations

from babel.dates import format_datetime, get_month_names

LANGS = ("id", "en")
DEFAULT_LANG = "id"

STRINGS: dict[str, tuple[str, str]] = {
    # shell
    "app.title": ("Anggaran Terbuka", "Anggaran Terbuka"),
    "app.region": ("Kabupaten Batang", "Batang Regency"),
    "app.tagline": ("APBD dan APBDes untuk semua warga", "The regency and village budgets, open to every resident"),
    "nav.home": ("Ringkasan", "Overview"),
    "nav.apbd": ("Jelajah APBD", "Explore APBD"),
    "nav.desa": ("Anggaran Desa", "Village budgets"),
    "nav.serapan": ("Serapan", "Absorption"),
    "nav.rapat": ("Rapat", "Meeting"),
    "nav.data": ("Data", "Data"),
    "nav.year": ("Tahun", "Year"),
    "nav.lang_switch": ("English", "Bahasa Indonesia"),
    "nav.lang_switch_short": ("EN", "ID"),
    "nav.menu": ("Menu", "Menu"),
    # notices
    "notice.illustrative": (
        "Data demo. Total kabupaten per kelompok dan jenis sama dengan angka resmi yang dipublikasikan; "
        "rincian di bawahnya (OPD, program, desa, realisasi bulanan) adalah data ilustratif buatan generator, "
        "bukan data resmi.",
        "Demo data. Regency totals by group (kelompok) and type (jenis) equal the published official figures; everything below them (OPD, programme, village, monthly realisation) is generated, illustrative data, not official data.",
    ),
    "notice.illustrative_short": (
        "Data demo: rincian di bawah total kabupaten adalah ilustrasi, bukan data resmi.",
        "Demo data: the detail below the regency totals is illustrative, not official.",
    ),
    "notice.phone_columns": (
        "Di layar ponsel sebagian kolom disembunyikan; semua kolom tampil di layar lebar dan di unduhan.",
        "On a phone some columns are hidden; every column shows on a wider screen and in the downloads.",
    ),
    "notice.opd_codes": (
        "Kode OPD bersifat indikatif (mengikuti pola kode SIPD), bukan kode resmi.",
        "OPD codes are indicative (they follow the SIPD pattern); they are not the official codes.",
    ),
    "notice.slow": (
        "Halaman ini membutuhkan waktu terlalu lama untuk dihitung dan dihentikan. Silakan coba lagi sebentar lagi, "
        "atau pilih bagian yang lebih kecil.",
        "This page took too long to compute and was stopped. Please try again in a moment, or choose a smaller part.",
    ),
    "notice.data_unreadable": (
        "Data yang diterbitkan sedang tidak dapat dibaca. Pengelola data dapat memulihkannya dari salinan "
        "sebelumnya; silakan coba lagi nanti.",
        "The published data cannot be read right now. The data officer can restore it from an earlier copy; "
        "please try again later.",
    ),
    "notice.no_data": (
        "Data belum tersedia: pengelola data belum menerbitkan angka apa pun. Silakan kembali lagi nanti.",
        "No data has been published yet: the data officer has not released any figures. Please come back later.",
    ),
    "notice.year_not_found": (
        "Tahun {value} tidak ditemukan. Tahun yang tersedia: {years}.",
        "Year {value} was not found. Available years: {years}.",
    ),
    "notice.tahap_not_found": (
        "Tahap {value} tidak ditemukan untuk tahun {tahun}; ditampilkan tahap {tahap}.",
        "Stage {value} was not found for {tahun}; showing {tahap} instead.",
    ),
    "notice.error": (
        "Maaf, halaman ini gagal dimuat. Coba muat ulang; jika masih gagal, hubungi pengelola.",
        "Sorry, this page failed to load. Try reloading; if it keeps failing, contact the administrators.",
    ),
    "notice.page_not_found": ("Halaman tidak ditemukan.", "Page not found."),
    "notice.back_home": ("Kembali ke ringkasan", "Back to the overview"),
    # overview
    "home.heading": ("APBD Kabupaten Batang {tahun}", "Batang Regency budget (APBD) {tahun}"),
    "home.tahap": ("Tahap", "Stage"),
    "tahap.murni": ("Murni", "Original (murni)"),
    "tahap.perubahan": ("Perubahan", "Revised (perubahan)"),
    "kpi.pendapatan": ("Pendapatan", "Revenue (pendapatan)"),
    "kpi.belanja": ("Belanja", "Spending (belanja)"),
    "kpi.pembiayaan": ("Pembiayaan netto", "Net financing (pembiayaan netto)"),
    "kpi.serapan": ("Serapan belanja", "Absorption (serapan)"),
    "kpi.anggaran": ("Anggaran", "Budget (anggaran)"),
    "kpi.realisasi": ("Realisasi", "Realised (realisasi)"),
    "kpi.realisasi_pct": ("{pct} dari anggaran", "{pct} of budget"),
    "kpi.pembiayaan_detail": (
        "Penerimaan {masuk} dikurangi pengeluaran {keluar}",
        "Receipts {masuk} less payments {keluar}",
    ),
    "kpi.serapan_detail": (
        "Realisasi belanja s.d. {bulan}; rencana kas s.d. bulan itu {plan}",
        "Spending realised to end of {bulan}; cash plan to that month {plan}",
    ),
    "kpi.no_realisasi": ("Belum ada realisasi", "No realisation yet"),
    "home.find_village": ("Cari anggaran desa Anda", "Find your village's budget"),
    "home.explore": ("Jelajahi rinciannya →", "Explore the details →"),
    "kpi.until": ("s.d. {bulan}", "to end of {bulan}"),
    "home.recon": ("Cocokkan dengan dokumen resmi ({sumber})", "Reconciliation with the official document ({sumber})"),
    "home.recon_row": (
        "{pos}: rincian {ours} · dokumen {theirs} · selisih {diff}",
        "{pos}: line items {ours} · document {theirs} · difference {diff}",
    ),
    "home.summary_only": (
        "Untuk tahun dan tahap ini hanya tersedia ringkasan resmi ({sumber}); rincian per OPD dan baris belum dimuat.",
        "Only the official summary ({sumber}) exists for this year and stage; OPD and line-item detail is not loaded.",
    ),
    "curve.title": (
        "Realisasi belanja kumulatif dibanding rencana kas",
        "Cumulative spending realised against the cash plan",
    ),
    "curve.realisasi": ("Realisasi {tahun}", "Realised {tahun}"),
    "curve.rencana": ("Rencana kas {tahun}", "Cash plan {tahun}"),
    "curve.prev": ("Realisasi {tahun}", "Realised {tahun}"),
    "curve.anggaran": ("Anggaran belanja", "Spending budget"),
    "curve.caption": (
        "Garis biru: belanja yang sudah dibayar (kumulatif). Garis abu-abu putus-putus: rencana penarikan dana "
        "(anggaran kas). Jarak di antara keduanya menunjukkan belanja yang tertunda.",
        "Blue line: spending actually paid (cumulative). Grey dashed line: the planned disbursements (cash plan, anggaran kas). The gap between them is spending that is running late.",
    ),
    "curve.table_caption": ("Tabel data grafik", "Chart data as a table"),
    "col.bulan": ("Bulan", "Month"),
    "col.realisasi_kum": ("Realisasi kumulatif", "Realised, cumulative"),
    "col.rencana_kum": ("Rencana kas kumulatif", "Cash plan, cumulative"),
    # APBD explorer
    "apbd.heading": ("Jelajah APBD {tahun}", "Explore the APBD {tahun}"),
    "apbd.dim": ("Lihat menurut", "View by"),
    "dim.org": ("Organisasi (OPD)", "Organisation (OPD)"),
    "dim.ekonomi": ("Jenis belanja", "Economic class"),
    "dim.fungsi": ("Urusan (fungsi)", "Function (urusan)"),
    "dim.pendapatan": ("Pendapatan", "Revenue (pendapatan)"),
    "dim.pendapatan_opd": ("Pendapatan per OPD", "Revenue by collecting OPD"),
    "root.org": ("Belanja Kabupaten Batang", "Batang Regency spending"),
    "root.ekonomi": ("Belanja daerah", "Spending (belanja)"),
    "root.fungsi": ("Belanja menurut urusan", "Spending by government affair (urusan)"),
    "root.pendapatan": ("Pendapatan daerah", "Revenue (pendapatan)"),
    "root.pendapatan_opd": ("Pendapatan menurut OPD pemungut", "Revenue by collecting OPD"),
    "level.skpd": ("OPD", "OPD"),
    "level.program": ("Program", "Programme"),
    "level.kegiatan": ("Kegiatan", "Activity (kegiatan)"),
    "level.sub_kegiatan": ("Sub kegiatan", "Sub-activity (sub kegiatan)"),
    "level.item": ("Rincian baris anggaran", "Budget line items"),
    "level.urusan": ("Urusan", "Government affair (urusan)"),
    "level.bidang_urusan": ("Bidang urusan", "Sector (bidang urusan)"),
    "level.kelompok": ("Kelompok", "Group (kelompok)"),
    "level.jenis": ("Jenis", "Type (jenis)"),
    "level.objek": ("Objek", "Object (objek)"),
    "level.rincian_objek": ("Rincian objek", "Detailed object (rincian objek)"),
    "level.sub_rincian_objek": ("Sub rincian objek", "Sub-detailed object (sub rincian objek)"),
    "level.tanpa": ("Tanpa kode", "No code"),
    "level.none": ("Baris anggaran", "Budget line"),
    "apbd.children": ("{level} di bawah ini", "{level} below"),
    "apbd.lainnya": ("Lainnya ({n} item)", "Others ({n} items)"),
    "apbd.lainnya_note": (
        "Grafik menampilkan {shown} terbesar dari {n}; sisanya digabung sebagai “Lainnya” (klik untuk membuka).",
        "The charts show the {shown} largest of {n}; the rest are grouped as “Others” (click to open).",
    ),
    "apbd.lainnya_open": (
        "Menampilkan item {start}–{end} dari {n} (bagian “Lainnya”).",
        "Showing items {start}–{end} of {n} (the “Others” group).",
    ),
    "apbd.lainnya_back": ("Kembali ke yang terbesar", "Back to the largest"),
    "apbd.tanpa_row": ("Tanpa kode {level}", "No {level} code"),
    "apbd.truncated_rows": ("{n} item lain digabung (daftar dipotong)", "{n} more items grouped (list truncated)"),
    "apbd.table_page": ("Baris {start}–{end} dari {n}.", "Rows {start}–{end} of {n}."),
    "apbd.next": ("Berikutnya", "Next"),
    "apbd.prev": ("Sebelumnya", "Previous"),
    "apbd.total": ("Jumlah", "Total"),
    "apbd.not_found": (
        "Tidak ditemukan: {what} tidak ada pada APBD {tahun} tahap {tahap}.",
        "Not found: {what} is not in the {tahun} APBD ({tahap}).",
    ),
    "apbd.bad_param": ("Alamat tidak valid ({what}).", "Invalid address ({what})."),
    "apbd.to_root": ("Kembali ke awal", "Back to the top"),
    "apbd.summary_only": (
        "Untuk tahun dan tahap ini hanya tersedia ringkasan resmi (tanpa rincian baris); tampilan Jenis belanja dan "
        "Pendapatan menunjukkan akun-akunnya.",
        "Only the official summary exists for this year and stage (no line items); the economic-class and pendapatan "
        "views show its accounts.",
    ),
    "level.summary": ("Akun (ringkasan resmi)", "Accounts (official summary)"),
    "apbd.search": (
        "Cari OPD, program, kegiatan, sub kegiatan atau rekening",
        "Search an OPD, programme, activity, sub-activity or account",
    ),
    "apbd.search_none": ("Tidak ada hasil untuk “{q}”.", "No results for “{q}”."),
    "apbd.download": ("Unduh tabel", "Download table"),
    "col.kode": ("Kode", "Code"),
    "col.nama": ("Uraian", "Name"),
    "col.anggaran": ("Anggaran", "Budget"),
    "col.realisasi": ("Realisasi", "Realised"),
    "col.serapan": ("Serapan", "Absorption"),
    "col.sisa": ("Sisa", "Remaining"),
    "col.rincian": ("Keterangan", "Details"),
    "node.anggaran_tahap": ("Anggaran {tahap}", "Budget, {tahap}"),
    "node.realisasi_to": ("Realisasi s.d. {bulan} {tahun}", "Realised to end of {bulan} {tahun}"),
    "node.murni_vs": ("Murni → Perubahan", "Original → Revised"),
    "node.prev_year": ("Dibanding {tahun}", "Compared with {tahun}"),
    "node.no_prev": ("Tidak ada pada {tahun}", "Not in {tahun}"),
    "node.trend": ("Anggaran dan realisasi {first}–{last}", "Budget and realisation {first}–{last}"),
    "node.monthly": ("Realisasi kumulatif per bulan", "Cumulative realisation by month"),
    "node.monthly_no_plan": (
        "Rencana kas (anggaran kas) hanya tersedia untuk kabupaten dan per OPD.",
        "A cash plan (anggaran kas) exists only for the regency and for each OPD.",
    ),
    "node.line": ("Baris anggaran", "Budget line"),
    "node.sumber": ("Sumber dana", "Funding source"),
    "chart.treemap": ("Peta porsi anggaran", "Share of the budget"),
    "chart.bars": ("Anggaran dan realisasi", "Budget and realisation"),
    "chart.color": ("Warna: serapan", "Colour: absorption"),
    "chart.still": (
        "Gambar grafik; sentuh untuk grafik interaktif",
        "Picture of the chart; touch it for the interactive chart",
    ),
    "chart.tap": ("Sentuh untuk detail", "Touch for details"),
    "chart.wait": ("Memuat grafik interaktif …", "Loading the interactive chart …"),
    # Villages (APBDes)
    "desa.heading": ("APBDes {tahun}: anggaran 239 desa", "Village budgets (APBDes) {tahun}: 239 desa"),
    "desa.search": (
        "Cari desa atau kelurahan (nama atau kode)",
        "Find a village (desa) or urban ward (kelurahan) by name or code",
    ),
    "desa.search_none": ("Desa “{q}” tidak ditemukan.", "No village matches “{q}”."),
    "desa.root": ("Semua desa di Kabupaten Batang", "All villages in Batang Regency"),
    "level.kecamatan": ("Kecamatan", "District (kecamatan)"),
    "level.desa": ("Desa", "Desa"),
    "level.bidang": ("Bidang", "Field (bidang)"),
    "level.sub_bidang": ("Sub bidang", "Sub-field (sub bidang)"),
    "desa.children": ("{level} di bawah ini (belanja)", "{level} below (spending)"),
    "desa.income": ("Pendapatan desa menurut sumber", "Village income by source"),
    "desa.income_for": ("Pendapatan: {where}", "Income: {where}"),
    "source.DDS": ("Dana Desa", "Dana Desa (central transfer)"),
    "source.ADD": ("Alokasi Dana Desa (ADD)", "Alokasi Dana Desa (regency transfer)"),
    "source.PBH": ("Bagi hasil pajak & retribusi", "Share of regency taxes and levies"),
    "source.PBK": ("Bantuan keuangan kabupaten", "Regency financial aid"),
    "source.PBP": ("Bantuan keuangan provinsi", "Provincial financial aid"),
    "source.PAD": ("Pendapatan asli desa (PADes)", "Village own revenue (PADes)"),
    "source.LAIN": ("Pendapatan lain-lain", "Other income"),
    "desa.ranking": ("Peringkat desa", "Village ranking"),
    "desa.ranking_in": ("Peringkat desa di Kecamatan {kec}", "Villages in {kec} district (kecamatan)"),
    "desa.sort": ("Urutkan", "Sort by"),
    "sort.serapan": ("Serapan terendah", "Lowest absorption"),
    "sort.per_warga": ("Belanja per warga", "Spending per resident"),
    "sort.perubahan": ("Perubahan dari tahun lalu", "Change from last year"),
    "sort.bidang": ("Porsi {bidang}", "Share of {bidang}"),
    "col.desa": ("Desa", "Village"),
    "col.kecamatan": ("Kecamatan", "District"),
    "col.belanja": ("Belanja", "Spending"),
    "col.per_warga": ("Per warga", "Per resident"),
    "col.porsi": ("Porsi bidang", "Field share"),
    "col.perubahan": ("vs {tahun}", "vs {tahun}"),
    "col.dana_desa": ("Dana Desa", "Dana Desa"),
    "desa.pop_note": (
        "Jumlah warga per desa belum tersedia: perkiraan memakai penduduk kecamatan (Sensus 2020) dibagi rata "
        "ke desa/kelurahannya. Angka per warga adalah perkiraan.",
        "Village population is not available: the estimate divides each district's (kecamatan) population (2020 census) equally among its villages and urban wards. Per-resident figures are estimates.",
    ),
    "desa.ranking_truncated": ("Menampilkan {shown} dari {n} desa.", "Showing {shown} of {n} villages."),
    "desa.show_all": ("Tampilkan semua", "Show all"),
    "desa.map": ("Peta desa", "Village map"),
    "desa.map_measure": ("Warna peta", "Map colour"),
    "measure.serapan": ("Serapan belanja", "Absorption"),
    "measure.per_warga": ("Belanja per warga", "Spending per resident"),
    "measure.dana_desa": ("Dana Desa", "Dana Desa"),
    "desa.map_note_centroid": (
        "Setiap titik adalah pusat desa. Klik atau ketuk titik (atau di dekatnya) untuk membuka halaman desa; "
        "di ponsel, pencarian desa di atas lebih mudah.",
        "Each dot is a village centre. Click or tap a dot (or near it) to open the village page; on a phone, the "
        "village search above is easier.",
    ),
    "desa.map_note_polygon": (
        "Batas desa dari berkas batas wilayah yang dipasang. Klik titik pusat desa untuk membuka halamannya.",
        "Village boundaries from the configured boundary file. Click a village centre to open its page.",
    ),
    "desa.lagging": ("{n} desa dengan serapan di bawah {pct}", "{n} villages below {pct} absorption"),
    # One village, for its residents
    "v.title": ("Desa {nama}", "Desa {nama}"),
    "v.subtitle": ("Kecamatan {kec} · kode {kode}", "{kec} district · code {kode}"),
    "v.budget_sentence": (
        "Tahun {tahun}, Desa {nama} punya anggaran belanja {belanja}.",
        "In {tahun}, Desa {nama} plans to spend {belanja}.",
    ),
    "v.spent_sentence": (
        "Sampai akhir {bulan}, sudah dibelanjakan {real} ({pct}).",
        "By the end of {bulan}, {real} ({pct}) has been spent.",
    ),
    "v.from": ("Uangnya dari mana?", "Where does the money come from?"),
    "v.to": ("Dipakai untuk apa?", "What is it spent on?"),
    "v.largest": ("Kegiatan terbesar", "Largest activities (kegiatan)"),
    "v.history": ("Lima tahun terakhir", "The last five years"),
    "v.compare": ("Dibanding desa lain", "Compared with other villages"),
    "v.per_warga": ("Belanja per warga (perkiraan)", "Spending per resident (estimate)"),
    "v.this": ("Desa ini", "This village"),
    "v.median_kec": ("Median Kec. {kec}", "Median, {kec} district"),
    "v.median_kab": ("Median kabupaten", "Regency median"),
    "v.share": ("Bagikan tautan", "Share link"),
    "v.share_hint": (
        "Salin alamat halaman ini untuk dibagikan lewat WhatsApp.",
        "Copy this page's address to share it.",
    ),
    "v.details": ("Lihat rincian lengkap", "See the full breakdown"),
    "v.kelurahan": (
        "{nama} adalah kelurahan. Kelurahan tidak punya APBDes: anggarannya masuk APBD melalui Kecamatan {kec}.",
        "{nama} is an urban ward (kelurahan). Urban wards have no village budget (APBDes): their money is in the regency budget, through the {kec} district office.",
    ),
    "v.kelurahan_link": ("Lihat anggaran Kecamatan {kec}", "See the budget of the {kec} district office"),
    "v.not_found": ("Desa tidak ditemukan.", "Village not found."),
    "v.not_found_hint": (
        "Kode “{kode}” tidak ada. Cari desa Anda di sini:",
        "There is no village “{kode}”. Find yours here:",
    ),
    "v.no_budget": (
        "Belum ada APBDes desa ini untuk tahun {tahun}.",
        "There is no APBDes for this village in {tahun}.",
    ),
    "v.bidang_of": ("{pct} dari belanja", "{pct} of spending"),
    # Light pages for residents (lite/) and their share cards
    "lite.interactive": ("Versi interaktif (grafik dan rincian) →", "Interactive version (charts and details) →"),
    "lite.lite_version": ("Versi ringan untuk HP", "Light version for phones"),
    "lite.summary": ("Ringkasan APBD", "Budget summary"),
    "lite.summary_title": ("Anggaran Kabupaten Batang {tahun}", "Batang Regency budget {tahun}"),
    "lite.summary_budget": (
        "Tahun {tahun}, Kabupaten Batang merencanakan belanja {belanja} dan pendapatan {pendapatan}.",
        "In {tahun}, Batang Regency plans to spend {belanja} and to receive {pendapatan}.",
    ),
    "lite.summary_spent": (
        "Sampai akhir {bulan} sudah dibelanjakan {real}, yaitu {pct} dari anggaran (rencana kas: {plan}).",
        "By the end of {bulan}, {real} has been spent: {pct} of the budget (the cash plan: {plan}).",
    ),
    "lite.where": ("Untuk apa uangnya?", "What is the money for?"),
    "lite.by_kind": ("Menurut jenis belanja", "By kind of spending"),
    "lite.largest_opd": (
        "{n} OPD dengan anggaran terbesar (dari {total})",
        "The {n} agencies (OPD) with the largest budgets (of {total})",
    ),
    "kind.5.1": ("Belanja operasi", "Operating spending (belanja operasi)"),
    "kind.5.2": ("Belanja modal", "Capital spending (belanja modal)"),
    "kind.5.3": ("Belanja tidak terduga", "Contingency spending (belanja tidak terduga)"),
    "kind.5.4": ("Belanja transfer", "Transfers to villages and others (belanja transfer)"),
    "lite.search_title": ("Cari desa Anda", "Find your village"),
    "lite.search_label": ("Nama desa atau kelurahan", "Name of the village or ward"),
    "lite.search_button": ("Cari", "Search"),
    "lite.search_short": ("Ketik paling sedikit 2 huruf.", "Type at least 2 letters."),
    "lite.search_none": ("Tidak ada desa yang cocok dengan “{q}”.", "No village matches “{q}”."),
    "lite.search_results": ("Hasil untuk “{q}”", "Results for “{q}”"),
    "lite.search_truncated": (
        "Hanya {n} hasil teratas yang ditampilkan. Perjelas nama desa untuk hasil lain.",
        "Only the top {n} results are shown. Type more of the name to see others.",
    ),
    "lite.kelurahan": ("kelurahan", "urban ward (kelurahan)"),
    "lite.desa": ("desa", "village (desa)"),
    "lite.source": (
        "Sumber: APBD dan APBDes Kabupaten Batang, diolah Anggaran Terbuka.",
        "Source: Batang Regency APBD and APBDes, compiled by Anggaran Terbuka.",
    ),
    "lite.description_village": (
        "Desa {nama}, Kec. {kec}: anggaran belanja {tahun} {belanja}, terserap {pct} s.d. {bulan}.",
        "Desa {nama}, {kec} district: {tahun} spending budget {belanja}, {pct} spent by {bulan}.",
    ),
    "lite.description_summary": (
        "APBD Kabupaten Batang {tahun}: belanja {belanja}, terserap {pct} s.d. {bulan}.",
        "Batang Regency budget {tahun}: spending {belanja}, {pct} spent by {bulan}.",
    ),
    "lite.description_default": (
        "APBD dan APBDes Kabupaten Batang, terbuka untuk semua warga.",
        "The Batang Regency and village budgets, open to every resident.",
    ),
    "lite.progress": ("Serapan belanja: {pct}", "Spending absorbed: {pct}"),
    "lite.budget": ("anggaran", "budget"),
    "lite.spent": ("terpakai", "spent"),
    "share.opd": (
        "{nama}: anggaran belanja {tahun} {anggaran}, terserap {pct} s.d. {bulan}.",
        "{nama}: {tahun} spending budget {anggaran}, {pct} spent by {bulan}.",
    ),
    "card.village_budget": ("Anggaran belanja {tahun}: {belanja}", "Spending budget {tahun}: {belanja}"),
    "card.regency_budget": ("Belanja daerah {tahun}: {belanja}", "Regency spending {tahun}: {belanja}"),
    "card.spent": ("Terpakai s.d. {bulan}: {real} ({pct})", "Spent by {bulan}: {real} ({pct})"),
    "card.kecamatan": ("Kecamatan {kec} · {region}", "{kec} district · {region}"),
    "card.demo": ("DATA DEMO (ilustrasi)", "DEMO DATA (illustrative)"),
    # Absorption monitor
    "s.heading": ("Serapan anggaran {tahun}", "Budget absorption {tahun}"),
    "s.unit": ("Unit", "Units"),
    "unit.opd": ("OPD", "OPD (agencies)"),
    "unit.desa": ("Desa", "Villages"),
    "s.month": ("Posisi s.d.", "Up to"),
    "s.quarter": ("Akhir triwulan", "Quarter end"),
    "s.final": ("Tahun {tahun} sudah selesai: angka ini hasil akhir.", "{tahun} is over: these are the final figures."),
    "s.thresholds": (
        "Ambang status: waspada bila tertinggal ≥ {w} poin dari rencana kas, kritis bila ≥ {c} poin.",
        "Status thresholds: warning when ≥ {w} points behind the cash plan, critical when ≥ {c} points.",
    ),
    "s.thresholds_why": (
        "Bawaan 5 dan 15 poin: rencana kas rata-rata sekitar 8 poin per bulan, jadi 5 poin berarti terlambat lebih dari "
        "setengah bulan dan 15 poin hampir dua bulan. Ubah ambang:",
        "Defaults 5 and 15 points: the cash plan averages about 8 points a month, so 5 points is more than half a month "
        "late and 15 points nearly two months. Change the thresholds:",
    ),
    "s.apply": ("Terapkan", "Apply"),
    "s.bad_thresholds": (
        "Ambang waspada {w} / kritis {c} tidak dapat dipakai: keduanya harus angka antara 1 dan 60, dan waspada lebih "
        "kecil dari kritis. Ditampilkan ambang bawaan {dw} / {dc}.",
        "Thresholds warning {w} / critical {c} cannot be used: both must be numbers from 1 to 60, with warning below "
        "critical. Showing the defaults {dw} / {dc} instead.",
    ),
    "s.bad_month": (
        "Nilai {param}={value} tidak valid (harus {lo}–{hi}); ditampilkan posisi terakhir, {bulan}.",
        "{param}={value} is not valid (it must be {lo}–{hi}); showing the latest position, {bulan}.",
    ),
    "s.month_not_yet": (
        "Belum ada data realisasi untuk {bulan}; ditampilkan posisi terakhir, {last}.",
        "There is no realisation data for {bulan} yet; showing the latest position, {last}.",
    ),
    "s.warning": ("waspada", "warning"),
    "s.critical": ("kritis", "critical"),
    "band.aman": ("Sesuai rencana", "On track"),
    "band.waspada": ("Waspada", "Warning"),
    "band.kritis": ("Kritis", "Critical"),
    "band.na": ("Tanpa anggaran", "No budget"),
    "s.summary": (
        "Serapan {serapan} dari anggaran; rencana kas s.d. {bulan}: {rencana}.",
        "{serapan} of the budget realised; cash plan to end of {bulan}: {rencana}.",
    ),
    "s.counts": (
        "{aman} sesuai rencana · {waspada} waspada · {kritis} kritis",
        "{aman} on track · {waspada} warning · {kritis} critical",
    ),
    "s.movement": ("Berubah status sejak {bulan}", "Changed band since {bulan}"),
    "s.no_movement": ("Tidak ada unit yang berubah status.", "No unit changed band."),
    "s.movement_more": (
        "… dan {n} unit lainnya (lihat kolom Status di peringkat).",
        "… and {n} more units (see the Status column of the ranking).",
    ),
    "s.ranking": (
        "Peringkat menurut deviasi dari rencana (terburuk dulu)",
        "Ranked by deviation from plan (worst first)",
    ),
    "col.unit": ("Unit", "Unit"),
    "col.rencana": ("Rencana", "Plan"),
    "col.deviasi": ("Deviasi (poin)", "Deviation (points)"),
    "col.status": ("Status", "Status"),
    "col.ramalan": ("Ramalan akhir tahun", "Year-end forecast"),
    "s.curve": ("Kurva kumulatif: {unit}", "Cumulative curve: {unit}"),
    "s.month_selected": ("Bulan yang sedang ditampilkan", "The month shown"),
    "s.curve_upto": ("posisi s.d. {bulan}", "position to {bulan}"),
    "s.curve_regency": ("seluruh kabupaten", "the whole regency"),
    "s.curve_villages": ("seluruh desa", "all villages"),
    "s.plan_desa": (
        "Desa tidak punya anggaran kas dalam data; rencana acuan desa = rata-rata porsi belanja yang sudah terealisasi "
        "oleh semua desa pada bulan yang sama di tahun-tahun lengkap sebelumnya ({years}).",
        "Villages have no cash plan in the data; their reference plan is the share of spending all villages had realised by the same month in the other complete years ({years}), averaged.",
    ),
    "s.month_table": ("Bulan demi bulan (kumulatif, % dari anggaran)", "Month by month (cumulative, % of budget)"),
    "s.forecast": ("Ramalan realisasi akhir tahun", "Year-end realisation forecast"),
    "s.forecast_for": ("Ramalan akhir tahun: {unit}", "Year-end forecast: {unit}"),
    "s.forecast_value": (
        "Perkiraan: {pct} dari anggaran (rentang {lo}–{hi}).",
        "Forecast: {pct} of the budget (range {lo}–{hi}).",
    ),
    "s.forecast_method": (
        "RAMALAN, bukan angka resmi. Cara: realisasi s.d. {bulan} dibagi porsi yang biasanya sudah terealisasi pada "
        "bulan yang sama di tahun-tahun lengkap sebelumnya ({years}); rentang memakai porsi tertinggi dan terendah. "
        "Uji-balik (backtest) 2023–2025 pada data demo, bulan 3/6/9/10: galat rata-rata (MAPE) 4,1% untuk total "
        "kabupaten dan 4,8% per OPD; 3,0% untuk total desa dan 6,6% per desa; galat terbesar pada bulan Maret.",
        "FORECAST, not an official figure. Method: realisation to end of {bulan} divided by the share usually realised "
        "by that month in past complete years ({years}); the range uses the highest and lowest share. Backtest error "
        "on the demo data (2023–2025, at months 3/6/9/10): mean absolute error (MAPE) 4.1% for the regency total and "
        "4.8% per OPD; 3.0% for all villages and 6.6% per village; the error is largest in March.",
    ),
    "s.no_forecast": (
        "Belum ada tahun lengkap sebelumnya untuk meramal.",
        "No earlier complete year to forecast from.",
    ),
    "s.rules": ("Belanja wajib (mandatory spending) {tahun}", "Mandatory spending {tahun}"),
    "rule.pegawai": ("Belanja pegawai maksimal 30% dari belanja", "Belanja pegawai at most 30% of belanja"),
    "rule.infrastruktur": (
        "Belanja infrastruktur pelayanan publik minimal 40%",
        "Public-service infrastructure at least 40%",
    ),
    "rule.pendidikan": ("Fungsi pendidikan minimal 20% dari belanja", "Education at least 20% of belanja"),
    "rule.kesehatan": ("Kesehatan minimal 10% di luar gaji", "Health at least 10% excluding salaries"),
    "rule.add": ("Alokasi Dana Desa minimal 10% dari DAU + DBH", "Alokasi Dana Desa at least 10% of DAU + DBH"),
    "rstatus.ok": ("Memenuhi", "Met"),
    "rstatus.gagal": ("Tidak memenuhi", "Not met"),
    "rstatus.transisi": ("Belum wajib (masa transisi)", "Not yet binding (transition)"),
    "rstatus.info": ("Tidak lagi wajib (informasi)", "No longer binding (information)"),
    "col.aturan": ("Aturan", "Rule"),
    "col.angka": ("Angka", "Figure"),
    "col.sumber_aturan": ("Dasar hukum", "Source"),
    "s.open_apbd": ("Buka di Jelajah APBD", "Open in the APBD explorer"),
    # Meeting mode
    "r.title": ("Mode rapat", "Meeting mode"),
    "r.slide": ("Slide {n} dari {total}", "Slide {n} of {total}"),
    "r.prev": ("← Sebelumnya", "← Previous"),
    "r.next": ("Berikutnya →", "Next →"),
    "r.keys": (
        "Panah kiri/kanan atau PageUp/PageDown untuk pindah slide.",
        "Left/right arrows or PageUp/PageDown move between slides.",
    ),
    "r.asof": (
        "Data per {when}; realisasi s.d. {bulan} {tahun}.",
        "Data as of {when}; realisation to end of {bulan} {tahun}.",
    ),
    "r.qr": ("Pindai untuk membuka di ponsel", "Scan to open on a phone"),
    "r.s1": ("APBD {tahun}: belanja {belanja}", "APBD {tahun}: {belanja} of spending"),
    "r.s1_sub": ("Pendapatan {pendapatan} · pembiayaan netto {netto}", "Revenue {pendapatan} · net financing {netto}"),
    "r.s2": ("Serapan {serapan}, rencana {rencana}", "{serapan} realised against a plan of {rencana}"),
    "r.s2_sub_behind": (
        "Tertinggal {gap} poin dari rencana kas s.d. {bulan}.",
        "{gap} points behind the cash plan at the end of {bulan}.",
    ),
    "r.s2_sub_ahead": (
        "Sesuai atau di atas rencana kas s.d. {bulan}.",
        "On or ahead of the cash plan at the end of {bulan}.",
    ),
    "r.s3": ("{n} OPD kritis", "{n} OPD critical"),
    "r.s3_sub": ("Tertinggal ≥ {c} poin dari rencana kas", "≥ {c} points behind their cash plan"),
    "r.item": ("terserap {serapan}, rencana {rencana}", "{serapan} realised, plan {rencana}"),
    "r.s4": ("{n} desa kritis", "{n} villages critical"),
    "r.more": (
        "… dan {n} lainnya tidak ditampilkan di slide ini (daftar lengkap di halaman Serapan).",
        "… and {n} more not shown on this slide (the full list is on the Absorption page).",
    ),
    "r.home": ("Keluar dari mode rapat", "Leave meeting mode"),
    "r.s4_sub": ("Tertinggal ≥ {c} poin dari rencana acuan desa", "≥ {c} points behind the village reference plan"),
    "r.s5": ("Dana Desa {dd}: {pct} sudah diterima desa", "Dana Desa {dd}: {pct} received by villages"),
    "r.s5_sub": ("Belanja seluruh desa terserap {serapan}.", "Villages have spent {serapan} of their belanja budgets."),
    "r.s6": ("Perkiraan serapan akhir tahun: {pct}", "Forecast year-end absorption: {pct}"),
    "r.s6_sub": (
        "Rentang {lo}–{hi}. Ramalan, bukan angka resmi.",
        "Range {lo}–{hi}. A forecast, not an official figure.",
    ),
    # Data page
    "data.heading": ("Data dan asal-usulnya", "The data and where it came from"),
    # How each file was read (meta_load.reader), in words
    "reader.canonical-csv": ("CSV kanonik", "canonical CSV"),
    "reader.canonical-xlsx": ("XLSX kanonik", "canonical XLSX"),
    "reader.ringkasan-perda": ("Ringkasan Perda APBD", "APBD regulation (Perda) summary"),
    "reader.ringkasan-perubahan": ("Ringkasan P-APBD", "revised APBD (P-APBD) summary"),
    "reader.ringkasan-lra": ("Laporan Realisasi Anggaran (LRA)", "budget realisation report (LRA)"),
    "reader.djpk-xml": ("Berkas DJPK (XML)", "DJPK file (XML)"),
    "reader.siskeudes-zip": ("Ekspor Siskeudes (zip)", "Siskeudes export (zip)"),
    "data.downloads": ("Unduh tabel kanonik", "Download the canonical tables"),
    "data.downloads_note": (
        "Format dan arti setiap kolom: lihat kamus data di bawah.",
        "Every column's format and meaning: see the data dictionary below.",
    ),
    "data.empty_table": ("kosong: belum ada data yang dimuat ke tabel ini", "empty: no data has been loaded into it"),
    "data.required": ("wajib", "required"),
    "data.optional": ("boleh kosong", "may be empty"),
    "data.example": ("contoh {contoh}", "e.g. {contoh}"),
    "table.apbd_anggaran": (
        "Baris anggaran APBD: satu per OPD × sub kegiatan × rekening × sumber dana, per tahap.",
        "APBD budget lines: one per OPD × sub kegiatan (sub-activity) × account × source of funds, per stage.",
    ),
    "table.apbd_realisasi": (
        "Realisasi APBD: jumlah yang terealisasi pada bulan itu (bukan kumulatif).",
        "APBD realisation (realisasi): the amount realised in that month (not cumulative).",
    ),
    "table.apbd_anggaran_kas": (
        "Anggaran kas: belanja yang direncanakan tiap OPD untuk dicairkan pada bulan itu.",
        "The cash plan (anggaran kas): the spending each OPD plans to pay out in that month.",
    ),
    "table.apbdes_anggaran": (
        "Baris APBDes per desa: kegiatan (bidang.sub bidang.kegiatan) × rekening × sumber dana.",
        "Village budget (APBDes) lines per village: activity (bidang.sub bidang.kegiatan) × account × source of funds.",
    ),
    "table.apbdes_realisasi": (
        "Realisasi APBDes: jumlah yang terealisasi pada bulan itu (bukan kumulatif).",
        "Village budget realisation: the amount realised in that month (not cumulative).",
    ),
    "table.apbd_ringkasan": (
        "Angka tingkat ringkasan (Perda, SIMDA, LRA, DJPK) per rekening, di samping rincian baris.",
        "Summary-level figures (Perda, SIMDA, LRA, DJPK) by account, beside the line items.",
    ),
    "data.provenance": ("Riwayat pemuatan berkas", "Load history"),
    "data.published_by": ("oleh {who}", "by {who}"),
    # printing
    "print.button": ("Cetak / PDF", "Print / PDF"),
    "print.asof": (
        "Data per {when}. Dicetak dari halaman di atas; pindai kode QR untuk versi terbaru.",
        "Data as of {when}. Printed from the page above; scan the QR code for the latest version.",
    ),
    # the glossary (/istilah) and the term explanations on every page
    "g.title": ("Daftar istilah anggaran", "Glossary of budget terms"),
    "g.description": (
        "{n} istilah anggaran daerah dan desa dalam bahasa sehari-hari, dengan contoh dari data Kabupaten Batang.",
        "{n} regency and village budget terms in plain words, with examples from Batang's data.",
    ),
    "g.lead": (
        "{n} kata yang Anda temui di halaman-halaman ini, dijelaskan dengan bahasa sehari-hari, dengan contoh dari "
        "data kita dan asal istilahnya.",
        "{n} words you meet on these pages, explained in plain language, with an example from our data and where "
        "each term comes from.",
    ),
    "g.index": ("Daftar istilah", "Terms"),
    "g.example": ("Contoh", "Example"),
    "g.source": ("Sumber", "Source"),
    "g.api": ("Istilah yang sama tersedia sebagai data:", "The same terms as data:"),
    "g.on_this_page": ("Arti istilah di halaman ini", "What the words on this page mean"),
    "g.more": ("Selengkapnya", "More"),
    "g.explain": ("Apa artinya?", "What does it mean?"),
    "data.truncated": (
        "Menampilkan {n} pemuatan terakhir; riwayat yang lebih lama disimpan pengelola data.",
        "Showing the latest {n} loads; the data officer keeps the older history.",
    ),
    "data.warnings": ("Peringatan saat pemuatan", "Warnings recorded with the loads"),
    "data.no_warnings": ("Tidak ada peringatan.", "No warnings."),
    "data.dictionary": ("Kamus data", "Data dictionary"),
    "data.rows": ("{n} baris", "{n} rows"),
    "col.waktu": ("Waktu", "Time"),
    "col.berkas": ("Berkas", "File"),
    "col.pembaca": ("Pembaca", "Reader"),
    "col.tabel": ("Tabel", "Table"),
    "col.baris": ("Baris dibaca / dimuat", "Rows read / loaded"),
    "col.peringatan": ("Peringatan", "Warnings"),
    "col.kolom": ("Kolom", "Column"),
    "col.tipe": ("Tipe", "Type"),
    "col.aturan_kolom": ("Aturan", "Rule"),
    "data.illustrative_file": ("ilustratif", "illustrative"),
    # footer
    "footer.source": ("Sumber data", "Data source"),
    "footer.updated": ("Pembaruan data terakhir", "Data last updated"),
    "footer.official": (
        "Angka resmi: Perda APBD dan Perda Perubahan APBD Kabupaten Batang, Laporan Realisasi Anggaran, dan Portal "
        "Data APBD DJPK Kemenkeu. Asal setiap angka:",
        "Official figures: the Batang Regency budget bylaws (Perda APBD and Perda Perubahan APBD), the budget "
        "realisation reports (LRA) and the Finance Ministry's DJPK budget data portal. Where every figure came from:",
    ),
    "footer.data_page": ("halaman Data", "the Data page"),
    "footer.licence": ("Kode sumber terbuka.", "Open-source code."),
}


def norm_lang(value: object) -> str:
    """Allow-list the language parameter from the URL."""
    return value if value in LANGS else DEFAULT_LANG  # type: ignore[return-value]


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    text = STRINGS[key][1 if norm_lang(lang) == "en" else 0]
    return text.format(**values) if values else text


def reader_name(reader: str, lang: str = DEFAULT_LANG) -> str:
    """How a file was read, in words of `lang` (the reader's own name when it has none yet)."""
    key = "reader." + reader
    return t(key, lang) if key in STRINGS else reader


def month(m: int, lang: str = DEFAULT_LANG, width: str = "wide") -> str:
    return get_month_names(width, locale="id_ID" if norm_lang(lang) == "id" else "en_US")[m]


def datetime_text(value, lang: str = DEFAULT_LANG) -> str:
    return format_datetime(value, "d MMMM y HH:mm", locale="id_ID" if norm_lang(lang) == "id" else "en_US")
