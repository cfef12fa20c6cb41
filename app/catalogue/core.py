"""Messages of the foundation: setup, regions, the store, NIK and registration rules."""

from __future__ import annotations

# Message codes → English templates (parameters in braces).
MESSAGES: dict[str, str] = {
    "gui.no_display": (
        "Lindungi cannot show its window: no screen was found (DISPLAY is not set). Start "
        "it from the desktop, or use the command line: {cmd} --help"
    ),
    "setup.needed": "This data dir ({path}) is not set up yet. Run: {cmd} setup --role …",
    "setup.already": "This data dir is already set up (install {code}); setup runs only once.",
    "setup.unknown_regency": "Regency {code} is not in the region table.",
    "setup.kecamatan_needed": "A kecamatan install needs --kecamatan (for example 13.03.06).",
    "setup.unknown_kecamatan": "Kecamatan {code} is not a kecamatan of regency {regency}.",
    "setup.station": "Station '{station}' is not valid: use one capital letter other than K.",
    "file.missing": "File not found: {path}",
    "file.unreadable": "Cannot read {path}: {reason}.",
    "file.first_line_empty": "The first line of {path} is empty; it must hold the password or passphrase.",
    "regions.columns": "This is not a region table: it needs the columns {columns}.",
    "regions.row": "Row {line} of the region table has a malformed code or level.",
    "regions.parent": "Region {code} names parent {parent}, which is not in the table.",
    "regions.empty": "The region table has no kecamatan.",
    "regions.no_regency": "The region table does not contain this install's regency {code}.",
    "datadir.not_writable": "The data folder {path} cannot be written: {reason}.",
    "db.newer": (
        "This database was written by a newer version of Lindungi (schema {revision}). "
        "Install that version or newer; nothing was changed."
    ),
    "db.migration_fk": "Upgrading the database broke {count} links; nothing was changed.",
    "db.damaged": "The database {path} is damaged or is not a Lindungi database.",
    "db.disk_full": (
        "The disk of the data folder {folder} is full: nothing was saved. Free some space "
        "(old files, the recycle bin), then try again."
    ),
    "db.disk_io": (
        "The disk of the data folder {folder} could not be read or written: nothing was "
        "saved. Check the disk, then try again; the backups are in the data folder."
    ),
    "db.busy": (
        "The register is being used by another process (an import, another window or "
        "command): it stayed busy for {seconds} seconds, and nothing was saved. Try again "
        "in a moment."
    ),
    "role.needed": "Only a {role} may do this.",
    "field.required": "This field must be filled in.",
    "nik.not_digits": "A NIK has only digits.",
    "nik.length": "A NIK has 16 digits; this one has {count}.",
    "nik.province": "The NIK starts with {code}, which is not a province code.",
    "nik.regency_zero": "The regency code in the NIK (digits 3–4) cannot be 00.",
    "nik.kecamatan_zero": "The kecamatan code in the NIK (digits 5–6) cannot be 00.",
    "nik.date": "Digits 7–12 of the NIK ({text}) are not a real birth date.",
    "nik.serial_zero": "The last four digits of a NIK cannot be 0000.",
    "nik.sex_mismatch": (
        "The NIK says sex {nik_sex} but {given} was given: check both (a supervisor may "
        "override with a reason)."
    ),
    "nik.birth_mismatch": (
        "The NIK says born {nik_date} but {given} was given: check both (a supervisor may "
        "override with a reason)."
    ),
    "nik.elsewhere": "The NIK was first issued in {code}, outside this regency (allowed).",
    "nik.future": "The birth date in the NIK lies in the future.",
    "nik.duplicate": "This NIK is already registered as {reg_no} ({name}, status {status}).",
    "birth.future": "The birth date lies in the future.",
    "age.outside": ("Age {age} is outside {min}–{max}; a supervisor may override with a reason."),
    "nagari.outside": "Nagari '{nagari}' is not a nagari of this install's kecamatan.",
    "occupation.unknown": "Unknown occupation '{value}'.",
    "funding.unknown": "Unknown funding source '{value}'.",
    "income.positive": "Declared income must be more than zero.",
    "income.confirm": (
        "Give the declared income (it sets the JKK contribution), or use the default {default}."
    ),
    "phone.invalid": "Phone number '{value}' must start with 0 or +62 and have 10–15 digits.",
    "programmes.none": "Choose at least one programme (JKK, JKM).",
    "programmes.unknown": "Unknown programme in '{value}': use JKK, JKM, JHT.",
    "coverage.order": "Coverage cannot end before it starts.",
    "participant.not_found": "No participant with registration number {reg_no}.",
    "participant.edit_conflict": (
        "{reg_no} was saved by {by} at {at} after you opened it (revision {loaded}, now "
        "{revision}); nothing of yours was saved. Fields that differ: {fields}."
    ),
    "demo.count": "The number of demo participants must be at least 1.",
    "budget.year": "Year {year} is out of range.",
    "budget.months": "Months must be between 1 and 12, not {months}.",
    "date.invalid": "'{text}' is not a date; write dd/mm/yyyy, for example 17/08/1980.",
    "sex.invalid": "'{text}' is not a sex: use L or P.",
    "number.invalid": "'{text}' is not a whole number.",
    "override.reason_role": "Only a supervisor may override; this account cannot.",
    "selftest.failed": "Self-test failed: {step}: {reason}",
    "bug": "An unexpected error occurred. Details were written to {log}.",
    "bug.above": "An unexpected error occurred. The details are above.",
}

# English → Indonesian. Every template above and every text passed to ``tr`` is here.
ID: dict[str, str] = {
    MESSAGES["gui.no_display"]: (
        "Lindungi tidak dapat menampilkan jendelanya: tidak ada layar (DISPLAY tidak diatur). "
        "Jalankan dari desktop, atau gunakan baris perintah: {cmd} --help"
    ),
    MESSAGES[
        "setup.needed"
    ]: "Folder data ini ({path}) belum disiapkan. Jalankan: {cmd} setup --role …",
    MESSAGES[
        "setup.already"
    ]: "Folder data ini sudah disiapkan (instalasi {code}); setup hanya sekali.",
    MESSAGES["setup.unknown_regency"]: "Kabupaten {code} tidak ada dalam tabel wilayah.",
    MESSAGES[
        "setup.kecamatan_needed"
    ]: "Instalasi kecamatan memerlukan --kecamatan (misalnya 13.03.06).",
    MESSAGES["setup.unknown_kecamatan"]: "Kecamatan {code} bukan kecamatan di kabupaten {regency}.",
    MESSAGES[
        "setup.station"
    ]: "Stasiun '{station}' tidak sah: gunakan satu huruf kapital selain K.",
    MESSAGES["file.missing"]: "Berkas tidak ditemukan: {path}",
    MESSAGES["file.unreadable"]: "Tidak dapat membaca {path}: {reason}.",
    MESSAGES[
        "file.first_line_empty"
    ]: "Baris pertama {path} kosong; baris itu harus berisi kata sandi atau frasa sandi.",
    # What an entry of the history and audit trail did (app.services.audit.ACTIONS).
    "Registered": "Didaftarkan",
    "Imported from a spreadsheet": "Diimpor dari lembar kerja",
    "Changed": "Diubah",
    "Approved": "Disetujui",
    "Deactivated": "Dinonaktifkan",
    "Reactivated": "Diaktifkan kembali",
    "Demo data": "Data demo",
    "Personal data erased": "Data pribadi dihapus",
    "KPJ number from BPJS": "Nomor KPJ dari BPJS",
    "Status from the kabupaten's receipt": "Status dari tanda terima kabupaten",
    "Merged from a bundle": "Digabung dari bundel",
    "Conflict resolved": "Konflik diselesaikan",
    "Card printed": "Kartu dicetak",
    "Card copy printed": "Salinan kartu dicetak",
    "Card reprinted": "Kartu dicetak ulang",
    "Card handed over": "Kartu diserahkan",
    "Card handover taken back": "Penyerahan kartu dibatalkan",
    "Handover event opened": "Acara penyerahan dibuka",
    "Handover event closed": "Acara penyerahan ditutup",
    "Logged in": "Masuk",
    "Login failed": "Gagal masuk",
    "Account added": "Akun ditambahkan",
    "Account unlocked": "Akun dibuka kuncinya",
    "Password changed": "Kata sandi diganti",
    "Password reset by an administrator": "Kata sandi diatur ulang oleh administrator",
    "Account deactivated": "Akun dinonaktifkan",
    "Account reactivated": "Akun diaktifkan kembali",
    "Refused: rights of another role needed": "Ditolak: perlu hak peran lain",
    "Install set up": "Instalasi disiapkan",
    "Setting changed": "Pengaturan diubah",
    "Region table loaded": "Tabel wilayah dimuat",
    "Programme year added": "Tahun program ditambahkan",
    "Quota set": "Kuota ditetapkan",
    "Rate added": "Tarif ditambahkan",
    "Rate removed": "Tarif dihapus",
    "Report written": "Laporan ditulis",
    "List exported": "Daftar diekspor",
    "Spreadsheet imported": "Lembar kerja diimpor",
    "List for BPJS exported": "Daftar untuk BPJS diekspor",
    "Audit trail exported": "Jejak audit diekspor",
    "Personal data report written": "Laporan data pribadi ditulis",
    "Backup made": "Cadangan dibuat",
    "Backup restored": "Cadangan dipulihkan",
    "Signing key created": "Kunci tanda tangan dibuat",
    "Key passphrase changed": "Frasa sandi kunci diubah",
    "Key backed up": "Kunci dicadangkan",
    "Key restored": "Kunci dipulihkan",
    "Key of another install trusted": "Kunci instalasi lain dipercaya",
    "Enrolment file written": "Berkas pendaftaran ditulis",
    "Station enrolled": "Stasiun didaftarkan",
    "Office confirmed": "Kantor dikonfirmasi",
    "Bundle written": "Bundel ditulis",
    "Bundle imported": "Bundel diimpor",
    "Bundle held": "Bundel ditahan",
    "Held bundle dropped": "Bundel yang ditahan dibuang",
    "Receipt written": "Tanda terima ditulis",
    "Receipt imported": "Tanda terima diimpor",
    # Why the system would not read or write a file (app.errors.OsReason).
    "the disk is full": "disk penuh",
    "the disk is write-protected": "disk dilindungi dari penulisan",
    "the drive is not ready (was the USB stick taken out?)": "drive tidak siap (apakah flashdisk dicabut?)",
    "the disk could not be read or written": "disk tidak dapat dibaca atau ditulis",
    "it does not exist": "tidak ada",
    "permission denied, or the file is open in another program": (
        "izin ditolak, atau berkas sedang dibuka program lain"
    ),
    "it is a folder, not a file": "itu folder, bukan berkas",
    "a part of the path is not a folder": "sebagian jalurnya bukan folder",
    "it already exists": "sudah ada",
    "the name is too long": "namanya terlalu panjang",
    "it is not a text file": "bukan berkas teks",
    "system error: {detail}": "galat sistem: {detail}",
    MESSAGES["regions.columns"]: "Ini bukan tabel wilayah: diperlukan kolom {columns}.",
    MESSAGES["regions.row"]: "Baris {line} tabel wilayah memiliki kode atau tingkat yang salah.",
    MESSAGES[
        "regions.parent"
    ]: "Wilayah {code} menyebut induk {parent}, yang tidak ada dalam tabel.",
    MESSAGES["regions.empty"]: "Tabel wilayah tidak memuat satu pun kecamatan.",
    MESSAGES["regions.no_regency"]: "Tabel wilayah tidak memuat kabupaten instalasi ini ({code}).",
    MESSAGES["datadir.not_writable"]: "Folder data {path} tidak dapat ditulisi: {reason}.",
    MESSAGES["db.newer"]: (
        "Basis data ini ditulis oleh Lindungi versi yang lebih baru (skema {revision}). "
        "Pasang versi itu atau yang lebih baru; tidak ada yang diubah."
    ),
    MESSAGES[
        "db.migration_fk"
    ]: "Pembaruan basis data merusak {count} tautan; tidak ada yang diubah.",
    MESSAGES["db.disk_full"]: (
        "Disk folder data {folder} penuh: tidak ada yang disimpan. Kosongkan sebagian ruang "
        "(berkas lama, recycle bin), lalu coba lagi."
    ),
    MESSAGES["db.disk_io"]: (
        "Disk folder data {folder} tidak dapat dibaca atau ditulis: tidak ada yang disimpan. "
        "Periksa disknya, lalu coba lagi; cadangan ada di folder data."
    ),
    MESSAGES["db.damaged"]: "Basis data {path} rusak atau bukan basis data Lindungi.",
    MESSAGES["db.busy"]: (
        "Register sedang dipakai proses lain (impor, jendela atau perintah lain): masih "
        "sibuk setelah {seconds} detik, dan tidak ada yang disimpan. Coba lagi sebentar lagi."
    ),
    MESSAGES["role.needed"]: "Hanya {role} yang boleh melakukan ini.",
    MESSAGES["field.required"]: "Kolom ini wajib diisi.",
    MESSAGES["nik.not_digits"]: "NIK hanya terdiri dari angka.",
    MESSAGES["nik.length"]: "NIK terdiri dari 16 angka; yang ini {count} angka.",
    MESSAGES["nik.province"]: "NIK diawali {code}, yang bukan kode provinsi.",
    MESSAGES["nik.regency_zero"]: "Kode kabupaten dalam NIK (angka ke-3–4) tidak boleh 00.",
    MESSAGES["nik.kecamatan_zero"]: "Kode kecamatan dalam NIK (angka ke-5–6) tidak boleh 00.",
    MESSAGES["nik.date"]: "Angka ke-7–12 NIK ({text}) bukan tanggal lahir yang sah.",
    MESSAGES["nik.serial_zero"]: "Empat angka terakhir NIK tidak boleh 0000.",
    MESSAGES["nik.sex_mismatch"]: (
        "Menurut NIK jenis kelaminnya {nik_sex}, tetapi yang diisi {given}: periksa keduanya "
        "(supervisor dapat mengecualikan dengan alasan)."
    ),
    MESSAGES["nik.birth_mismatch"]: (
        "Menurut NIK lahir {nik_date}, tetapi yang diisi {given}: periksa keduanya "
        "(supervisor dapat mengecualikan dengan alasan)."
    ),
    MESSAGES[
        "nik.elsewhere"
    ]: "NIK pertama kali diterbitkan di {code}, di luar kabupaten ini (boleh).",
    MESSAGES["nik.future"]: "Tanggal lahir dalam NIK ada di masa depan.",
    MESSAGES[
        "nik.duplicate"
    ]: "NIK ini sudah terdaftar sebagai {reg_no} ({name}, status {status}).",
    MESSAGES["birth.future"]: "Tanggal lahir ada di masa depan.",
    MESSAGES["age.outside"]: (
        "Umur {age} tahun di luar batas {min}–{max}; supervisor dapat mengecualikan dengan alasan."
    ),
    MESSAGES["nagari.outside"]: "Nagari '{nagari}' bukan nagari di kecamatan instalasi ini.",
    MESSAGES["occupation.unknown"]: "Pekerjaan '{value}' tidak dikenal.",
    MESSAGES["funding.unknown"]: "Sumber dana '{value}' tidak dikenal.",
    MESSAGES["income.positive"]: "Penghasilan yang dilaporkan harus lebih dari nol.",
    MESSAGES["income.confirm"]: (
        "Isi penghasilan yang dilaporkan (menentukan iuran JKK), atau pakai bawaan {default}."
    ),
    MESSAGES["phone.invalid"]: "Nomor HP '{value}' harus diawali 0 atau +62 dan 10–15 angka.",
    MESSAGES["programmes.none"]: "Pilih sekurang-kurangnya satu program (JKK, JKM).",
    MESSAGES["programmes.unknown"]: "Program tidak dikenal dalam '{value}': gunakan JKK, JKM, JHT.",
    MESSAGES["coverage.order"]: "Masa perlindungan tidak boleh berakhir sebelum dimulai.",
    MESSAGES["participant.not_found"]: "Tidak ada peserta dengan nomor registrasi {reg_no}.",
    MESSAGES["participant.edit_conflict"]: (
        "{reg_no} sudah disimpan oleh {by} pada {at} setelah Anda membukanya (revisi "
        "{loaded}, kini {revision}); perubahan Anda belum disimpan. Kolom yang berbeda: "
        "{fields}."
    ),
    MESSAGES["demo.count"]: "Jumlah peserta demo sekurang-kurangnya 1.",
    MESSAGES["budget.year"]: "Tahun {year} di luar jangkauan.",
    MESSAGES["budget.months"]: "Jumlah bulan harus antara 1 dan 12, bukan {months}.",
    MESSAGES["date.invalid"]: "'{text}' bukan tanggal; tulis hh/bb/tttt, misalnya 17/08/1980.",
    MESSAGES["sex.invalid"]: "'{text}' bukan jenis kelamin: gunakan L atau P.",
    MESSAGES["number.invalid"]: "'{text}' bukan bilangan bulat.",
    MESSAGES["override.reason_role"]: "Hanya supervisor yang boleh mengecualikan; akun ini tidak.",
    MESSAGES["selftest.failed"]: "Uji mandiri gagal: {step}: {reason}",
    MESSAGES["bug"]: "Terjadi kesalahan tak terduga. Rinciannya ditulis ke {log}.",
    MESSAGES["bug.above"]: "Terjadi kesalahan tak terduga. Rinciannya tertulis di atas.",
    # Texts of the command line, cards and reports.
    "Error": "Galat",
    "Warning": "Peringatan",
    "Invalid": "Tidak sah",
    "Valid": "Sah",
    "Province": "Provinsi",
    "Regency": "Kabupaten",
    "Kecamatan": "Kecamatan",
    "Nagari": "Nagari",
    "Birth date": "Tanggal lahir",
    "Sex": "Jenis kelamin",
    "Birth place and date": "Tempat dan tanggal lahir",
    "Serial": "Nomor urut",
    "Name": "Nama",
    "Status": "Status",
    "Registration no.": "No. registrasi",
    "Occupation": "Pekerjaan",
    "Participants": "Peserta",
    "Per month": "Per bulan",
    "Year": "Setahun",
    "Total": "Jumlah",
    "{count} participants": "{count} peserta",
    "{shown} of {total} participants shown": "{shown} dari {total} peserta ditampilkan",
    "Set up {code} ({role}) in {path}": "Instalasi {code} ({role}) disiapkan di {path}",
    "Registered {reg_no} (status {status})": "Terdaftar {reg_no} (status {status})",
    "Added {count} demo participants": "Ditambahkan {count} peserta demo",
    "Loaded {count} regions": "Dimuat {count} wilayah",
    "Budget {year}": "Anggaran {year}",
    "counting {months} months for everyone": "dihitung {months} bulan untuk semua peserta",
    "each counted from coverage start": "tiap peserta dihitung sejak awal perlindungan",
    "Self-test": "Uji mandiri",
    "passed": "lulus",
    "failed": "gagal",
    "All {count} checks passed in {seconds} s": "Semua {count} pemeriksaan lulus dalam {seconds} dtk",
    "{failed} of {count} checks failed": "{failed} dari {count} pemeriksaan gagal",
    "male": "laki-laki",
    "female": "perempuan",
    "draft": "draf",
    "approved": "disetujui",
    "accepted": "diterima",
    "active": "aktif",
    "inactive": "nonaktif",
    "Data dir": "Folder data",
    "Install": "Instalasi",
    "Role": "Peran",
}
