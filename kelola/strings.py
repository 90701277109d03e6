"""The console's words, Indonesian first, with English. `k(key, lang, **values)` formats one."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "title": ("Kelola data", "Manage data"),
    "lead": (
        "Unggah berkas resmi, periksa, terbitkan, dan pulihkan versi sebelumnya.",
        "Upload official files, check them, publish, and roll back to an earlier version.",
    ),
    "not_configured": ("Konsol belum dikonfigurasi", "The console is not configured"),
    "not_configured_body": (
        "Administrator server perlu mengisi {what} di lingkungan server (lihat README, bagian Konsol data). "
        "Sampai saat itu konsol tidak melayani apa pun.",
        "The server administrator must set {what} in the server's environment (see the README, section Data "
        "console). Until then the console serves nothing.",
    ),
    "login": ("Masuk", "Log in"),
    "logout": ("Keluar", "Log out"),
    "user": ("Nama pengguna", "User name"),
    "password": ("Kata sandi", "Password"),
    "login_failed": ("Nama pengguna atau kata sandi salah.", "Wrong user name or password."),
    "rate_limited": (
        "Terlalu banyak percobaan masuk yang gagal. Tunggu satu menit, lalu coba lagi.",
        "Too many failed logins. Wait a minute, then try again.",
    ),
    "expired": (
        "Sesi Anda berakhir karena tidak aktif. Silakan masuk lagi.",
        "Your session expired. Please log in again.",
    ),
    "csrf": (
        "Formulir ini kedaluwarsa atau tidak berasal dari halaman ini. Muat ulang halaman lalu coba lagi.",
        "This form has expired or did not come from this page. Reload the page and try again.",
    ),
    "signed_in_as": ("Masuk sebagai {user}", "Logged in as {user}"),
    "upload": ("Unggah berkas", "Upload files"),
    "upload_help": (
        "CSV, XLSX, XML DJPK, atau zip Siskeudes; hingga {n} berkas, masing-masing paling besar {mb} MB. "
        "Berkas disimpan di kotak masuk dan diperiksa; belum ada yang diterbitkan.",
        "CSV, XLSX, the DJPK XML, or a Siskeudes zip; up to {n} files, each at most {mb} MB. The files are kept "
        "in the inbox and checked; nothing is published yet.",
    ),
    "files": ("Berkas", "Files"),
    "options": ("Jika berkas tidak menyebutkannya", "When a file does not say"),
    "tahun": ("Tahun", "Year"),
    "tahap": ("Tahap", "Stage (tahap)"),
    "bulan": ("Bulan (realisasi s.d.)", "Month (realisation up to)"),
    "any": ("— dari berkas —", "— from the file —"),
    "murni": ("Murni", "Original (murni)"),
    "perubahan": ("Perubahan", "Revised (perubahan)"),
    "check": ("Unggah dan periksa", "Upload and check"),
    "no_files": ("Pilih minimal satu berkas.", "Choose at least one file."),
    "too_many": ("Paling banyak {n} berkas sekaligus.", "At most {n} files at a time."),
    "bad_type": (
        "{name}: jenis berkas tidak didukung (CSV, XLSX, XML, atau ZIP).",
        "{name}: unsupported kind of file (CSV, XLSX, XML or ZIP).",
    ),
    "too_large": (
        "{name}: {size} bita, lebih dari batas {mb} MB per berkas (sama dengan baris perintah). Tidak ada yang disimpan.",
        "{name}: {size} bytes, over the limit of {mb} MB per file (the same as the command line). Nothing was kept.",
    ),
    "request_too_large": (
        "Unggahan terlalu besar (lebih dari {mb} MB sekaligus). Tidak ada yang disimpan.",
        "The upload is too large (over {mb} MB at once). Nothing was kept.",
    ),
    "bad_option": ("{name}: nilai tidak dikenal.", "{name}: unknown value."),
    "batches": ("Unggahan terakhir", "Recent uploads"),
    "batch": ("Unggahan {id}", "Upload {id}"),
    "uploaded_by": ("diunggah {when} oleh {who}", "uploaded {when} by {who}"),
    "state": ("Status", "Status"),
    "state.queued": ("menunggu", "waiting"),
    "state.running": ("sedang berjalan", "running"),
    "state.done": ("selesai", "done"),
    "state.failed": ("gagal", "failed"),
    "job.check": ("Pemeriksaan", "Check"),
    "job.publish": ("Penerbitan", "Publish"),
    "job.rollback": ("Pemulihan", "Rollback"),
    "fail.time_limit": (
        "dihentikan setelah batas waktu (berkas terlalu besar atau berbahaya)",
        "stopped at the time limit (the file is too large or hostile)",
    ),
    "fail.stopped": ("proses berhenti tanpa laporan", "the process stopped without a report"),
    "progress": ("Kemajuan", "Progress"),
    "refreshing": (
        "Halaman ini memuat ulang sendiri tiap 2 detik sampai selesai.",
        "This page reloads itself every 2 seconds until the job ends.",
    ),
    "report": ("Laporan pemeriksaan", "Check report"),
    "summary_ok": (
        "{files} bagian berkas dibaca, tanpa galat, {warnings} peringatan. Siap diterbitkan.",
        "{files} file part(s) read, no errors, {warnings} warning(s). Ready to publish.",
    ),
    "summary_bad": (
        "{errors} galat dan {warnings} peringatan. Perbaiki berkas lalu unggah lagi; batch ini tidak dapat diterbitkan.",
        "{errors} error(s) and {warnings} warning(s). Fix the files and upload them again; this batch cannot be published.",
    ),
    "col.file": ("Berkas", "File"),
    "col.reader": ("Format terdeteksi", "Layout detected"),
    "col.sheet": ("Lembar/tabel", "Sheet/table"),
    "col.table": ("Tabel tujuan", "Target table"),
    "col.rows_read": ("Baris dibaca", "Rows read"),
    "col.rows": ("Baris kanonis", "Canonical rows"),
    "col.replaces": ("Yang diganti", "Replaces"),
    "col.level": ("Tingkat", "Level"),
    "col.row": ("Baris", "Row"),
    "col.column": ("Kolom", "Column"),
    "col.expected": ("Diharapkan", "Expected"),
    "col.found": ("Ditemukan", "Found"),
    "level.error": ("Galat", "Error"),
    "level.warning": ("Peringatan", "Warning"),
    "issues": ("Galat dan peringatan", "Errors and warnings"),
    "issues_cut": (
        "Menampilkan {shown} dari {total}. Unduh CSV untuk semuanya.",
        "Showing {shown} of {total}. Download the CSV for all of them.",
    ),
    "download_csv": ("Unduh daftar galat (CSV)", "Download the errors (CSV)"),
    "preview": ("Pratinjau perubahan", "Preview of the changes"),
    "preview_help": (
        "Per tabel dan bagian (partisi) yang diganti: jumlah baris dan total rupiah sebelum dan sesudah terbit.",
        "Per table and part (partition) replaced: rows and rupiah totals before and after the publish.",
    ),
    "col.partition": ("Bagian", "Partition"),
    "col.rows_before": ("Baris sebelum", "Rows before"),
    "col.rows_after": ("Baris sesudah", "Rows after"),
    "col.total_before": ("Total sebelum", "Total before"),
    "col.total_after": ("Total sesudah", "Total after"),
    "rolled_up": (
        "{n} bagian, dijumlahkan per tahun dan tahap/bulan.",
        "{n} partitions, summed by year and stage/month.",
    ),
    "villages": ("{n} desa", "{n} villages"),
    "reconciliation": ("Rekonsiliasi dengan angka resmi", "Reconciliation with the official figures"),
    "col.document": ("Dokumen", "Document"),
    "col.code": ("Kode", "Code"),
    "col.item": ("Uraian", "Item"),
    "col.published": ("Angka resmi", "Official figure"),
    "col.before": ("Kita, sebelum", "Ours, before"),
    "col.after": ("Kita, sesudah", "Ours, after"),
    "col.status": ("Status", "Status"),
    "recon.ok": ("cocok", "matches"),
    "recon.diff": ("selisih {d}", "differs by {d}"),
    "recon.new": ("baru karena batch ini", "new with this batch"),
    "recon_help": (
        "Angka resmi (Perda, LRA, DJPK) pada tahun yang disentuh batch ini, dibandingkan dengan jumlah data kita "
        "sebelum dan sesudah terbit. Selisih baru bukan galat, tetapi perlu diperiksa sebelum menerbitkan.",
        "The official figures (Perda, LRA, DJPK) in the years this batch touches, beside our sums before and after "
        "the publish. A new difference is not an error, but check it before publishing.",
    ),
    "recon.missing": ("tidak ada", "missing"),
    "no_recon": ("Tidak ada angka resmi yang tersentuh batch ini.", "No official figure is touched by this batch."),
    "publish": ("Terbitkan", "Publish"),
    "publish_help": (
        "Menerbitkan mengganti bagian-bagian di atas secara atomik; versi sekarang disimpan untuk pemulihan.",
        "Publishing replaces the parts above atomically; the current version is kept for rollback.",
    ),
    "published": ("Diterbitkan {when} oleh {who}.", "Published {when} by {who}."),
    "see_public": ("Lihat halaman publik", "See the public pages"),
    "cannot_publish": ("Batch dengan galat tidak dapat diterbitkan.", "A batch with errors cannot be published."),
    "history": ("Riwayat terbitan", "Publishing history"),
    "history_help": (
        "Versi yang sedang tayang dan versi sebelumnya yang disimpan (yang terbaru {n}).",
        "The version now published and the earlier ones kept (the newest {n}).",
    ),
    "current": ("Sedang tayang", "Published now"),
    "col.when": ("Waktu terbit", "Published"),
    "col.uploaded": ("Waktu unggah", "Uploaded"),
    "col.at": ("Waktu", "When"),
    "col.who": ("Oleh", "By"),
    "col.files": ("Berkas", "Files"),
    "col.tables": ("Baris dan total per tabel", "Rows and totals per table"),
    "rollback": ("Pulihkan ke versi ini", "Roll back to this one"),
    "rollback_confirm": ("Pulihkan versi {id}?", "Roll back to version {id}?"),
    "rollback_body": (
        "Data publik akan kembali seperti saat versi ini diterbitkan ({when}). Versi yang tayang sekarang "
        "disimpan, sehingga pemulihan ini juga dapat dibatalkan dengan cara yang sama.",
        "The public data goes back to what it was when this version was published ({when}). The version now "
        "published is kept, so this rollback can be undone the same way.",
    ),
    "rollback_yes": ("Ya, pulihkan", "Yes, roll back"),
    "cancel": ("Batal", "Cancel"),
    "no_generations": ("Belum ada versi sebelumnya.", "No earlier version yet."),
    "unknown": ("tidak diketahui", "unknown"),
    "audit": ("Log audit", "Audit log"),
    "audit_help": ("{shown} catatan terbaru dari {total}.", "The newest {shown} of {total} entries."),
    "col.action": ("Tindakan", "Action"),
    "col.details": ("Rincian", "Details"),
    "not_found": ("Tidak ditemukan.", "Not found."),
    "back": ("Kembali ke konsol", "Back to the console"),
    "busy": (
        "Penerbitan atau pemulihan lain sedang berjalan; coba lagi setelah selesai.",
        "Another publish or rollback is running; try again when it has finished.",
    ),
    "lang_switch": ("English", "Bahasa Indonesia"),
}


def k(key: str, lang: str, **values) -> str:
    pair = STRINGS[key]
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**values) if values else text
