"""Messages of registration: accounts, approval, edits, spreadsheet import and export."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "user.name": "'{name}' is not a valid user name: use letters, digits, dot, dash.",
    "user.password_short": "A password needs at least {min} characters.",
    "user.exists": "There is already an account named {name}.",
    "user.not_found": "There is no account named {name}.",
    "user.passwords_differ": "The two passwords differ.",
    "login.failed": "Wrong user name or password.",
    "login.locked": "Too many wrong passwords: this account is locked for {minutes} minutes.",
    "participant.already_inactive": "{reg_no} is already inactive.",
    "participant.not_inactive": "{reg_no} is not inactive, so it cannot be reactivated.",
    "sheet.kind": "{name} is not a spreadsheet Lindungi reads: use .xlsx, .xls, .ods or .csv.",
    "sheet.password": "{name} is protected by a password: open it in Excel or LibreOffice, remove the password (or save a copy without it) and choose that copy.",
    "sheet.no_such": "There is no visible sheet named {name}; the sheets are: {sheets}.",
    "sheet.out_kind": "{name}: the refused rows can be written as .xlsx or .csv only.",
    "import.choose_sheet": "{name} has several sheets with a list ({sheets}): choose one (--sheet NAME).",
    "import.map_field": "'{pair}' is not HEADER=field; the fields are: {fields}.",
    "import.map_header": "The sheet has no column '{header}'; its columns are: {headers}.",
    "import.nagari_suggest": "{nagari} is not a nagari of this kecamatan: did you mean {names}?",
    "import.suggestion_taken": "Nagari '{text}' read as {name} (suggestion accepted).",
    "import.income_default": "Income is empty: the default {amount} is used.",
    "import.no_income": "The sheet has no income column: the default {amount} is used for every row.",
    "import.column_ignored": "Column {column} ('{header}') holds values but is not imported: map it to a field or check it is not needed.",
    "import.hidden_unknown": "Hidden rows cannot be detected in {kind} files: check the sheet has none, or save it as .xlsx.",
    "import.skipped_hidden": "Row {line} is hidden: skipped.",
    "import.skipped_blank": "Row {line} is blank: skipped.",
    "import.skipped_below": "Row {line} is below the table (totals, signatures, notes): skipped.",
    "import.kecamatan_needed": "At the kabupaten, say which kecamatan the sheet comes from (--kecamatan NAME).",
    "import.kecamatan_unknown": "{name} is not a kecamatan of this install.",
    "template.nagari_unknown": "{name} is not a nagari of this install.",
    "template.suffix": "{name}: the template is an .xlsx workbook; give a name ending in .xlsx.",
    "sheet.too_large": "The spreadsheet has more than {max} rows; split it.",
    "sheet.unreadable": "{name} cannot be read: it is damaged or not really a spreadsheet.",
    "sheet.empty": "{name} has no rows.",
    "file.unwritable": "Cannot write {path}: {reason}.",
    "import.nik_number": (
        "The NIK was stored by Excel as a number, which loses the last digit: format the NIK "
        "column as Text and type the NIK again."
    ),
    "import.missing": "{column} is empty.",
    "import.registered": "Already registered as {reg_no}.",
    "import.repeated": "The same NIK appears earlier in this file (row {line}).",
    "import.no_nik": "No NIK column was found in {name}: name a column 'NIK'.",
    "import.cancelled": "Import cancelled; nothing was saved.",
    "pref.unknown": "There is no setting named {key}.",
    "pref.type": "The value given for {key} has the wrong type.",
    "approve.nothing": "Name registration numbers, or use --all or --nagari.",
}

ID: dict[str, str] = {
    MESSAGES[
        "user.name"
    ]: "'{name}' bukan nama pengguna yang sah: gunakan huruf, angka, titik, tanda hubung.",
    MESSAGES["user.password_short"]: "Kata sandi sekurang-kurangnya {min} karakter.",
    MESSAGES["user.exists"]: "Sudah ada akun bernama {name}.",
    MESSAGES["user.not_found"]: "Tidak ada akun bernama {name}.",
    MESSAGES["user.passwords_differ"]: "Kedua kata sandi berbeda.",
    MESSAGES["login.failed"]: "Nama pengguna atau kata sandi salah.",
    MESSAGES[
        "login.locked"
    ]: "Terlalu banyak kata sandi salah: akun ini dikunci selama {minutes} menit.",
    MESSAGES["participant.already_inactive"]: "{reg_no} sudah nonaktif.",
    MESSAGES[
        "participant.not_inactive"
    ]: "{reg_no} tidak nonaktif, jadi tidak dapat diaktifkan kembali.",
    MESSAGES[
        "sheet.kind"
    ]: "{name} bukan lembar kerja yang dapat dibaca Lindungi: gunakan .xlsx, .xls, .ods atau .csv.",
    MESSAGES[
        "sheet.password"
    ]: "{name} dilindungi kata sandi: buka di Excel atau LibreOffice, hapus kata sandinya (atau simpan salinan tanpa kata sandi) lalu pilih salinan itu.",
    MESSAGES[
        "sheet.no_such"
    ]: "Tidak ada lembar terlihat bernama {name}; lembar yang ada: {sheets}.",
    MESSAGES[
        "sheet.out_kind"
    ]: "{name}: baris yang ditolak hanya dapat ditulis sebagai .xlsx atau .csv.",
    MESSAGES[
        "import.choose_sheet"
    ]: "{name} berisi beberapa lembar berdaftar ({sheets}): pilih satu (--sheet NAMA).",
    MESSAGES["import.map_field"]: "'{pair}' bukan JUDUL=isian; isian yang ada: {fields}.",
    MESSAGES["import.map_header"]: "Lembar tidak memiliki kolom '{header}'; kolomnya: {headers}.",
    MESSAGES["import.nagari_suggest"]: "{nagari} bukan nagari kecamatan ini: maksudnya {names}?",
    MESSAGES["import.suggestion_taken"]: "Nagari '{text}' dibaca sebagai {name} (saran diterima).",
    MESSAGES["import.income_default"]: "Penghasilan kosong: dipakai nilai baku {amount}.",
    MESSAGES[
        "import.no_income"
    ]: "Lembar tidak memiliki kolom penghasilan: dipakai nilai baku {amount} untuk setiap baris.",
    MESSAGES[
        "import.column_ignored"
    ]: "Kolom {column} ('{header}') berisi data tetapi tidak diimpor: pasangkan ke isian atau pastikan tidak diperlukan.",
    MESSAGES[
        "import.hidden_unknown"
    ]: "Baris tersembunyi tidak dapat dikenali pada berkas {kind}: pastikan lembar tidak memilikinya, atau simpan sebagai .xlsx.",
    MESSAGES["import.skipped_hidden"]: "Baris {line} tersembunyi: dilewati.",
    MESSAGES["import.skipped_blank"]: "Baris {line} kosong: dilewati.",
    MESSAGES[
        "import.skipped_below"
    ]: "Baris {line} ada di bawah tabel (jumlah, tanda tangan, catatan): dilewati.",
    MESSAGES[
        "import.kecamatan_needed"
    ]: "Di kabupaten, sebutkan kecamatan asal lembar ini (--kecamatan NAMA).",
    MESSAGES["import.kecamatan_unknown"]: "{name} bukan kecamatan instalasi ini.",
    MESSAGES["template.nagari_unknown"]: "{name} bukan nagari instalasi ini.",
    MESSAGES[
        "template.suffix"
    ]: "{name}: templat berupa buku kerja .xlsx; beri nama berakhiran .xlsx.",
    MESSAGES["sheet.too_large"]: "Lembar kerja berisi lebih dari {max} baris; bagilah.",
    MESSAGES[
        "sheet.unreadable"
    ]: "{name} tidak dapat dibaca: berkasnya rusak atau bukan lembar kerja.",
    MESSAGES["sheet.empty"]: "{name} tidak berisi baris.",
    MESSAGES["file.unwritable"]: "Tidak dapat menulis {path}: {reason}.",
    MESSAGES["import.nik_number"]: (
        "NIK disimpan Excel sebagai angka, sehingga angka terakhirnya hilang: ubah format kolom "
        "NIK menjadi Teks lalu ketik ulang NIK."
    ),
    MESSAGES["import.missing"]: "{column} kosong.",
    MESSAGES["import.registered"]: "Sudah terdaftar sebagai {reg_no}.",
    MESSAGES["import.repeated"]: "NIK yang sama sudah ada di baris {line} berkas ini.",
    MESSAGES["import.no_nik"]: "Kolom NIK tidak ditemukan dalam {name}: beri judul kolom 'NIK'.",
    MESSAGES["import.cancelled"]: "Impor dibatalkan; tidak ada yang disimpan.",
    MESSAGES["pref.unknown"]: "Tidak ada pengaturan bernama {key}.",
    MESSAGES["pref.type"]: "Nilai untuk {key} salah jenisnya.",
    MESSAGES["approve.nothing"]: "Sebutkan nomor registrasi, atau gunakan --all atau --nagari.",
    # Column headings and words of the list, the import and the export.
    "Row": "Baris",
    "Reasons": "Alasan",
    "Birth place": "Tempat lahir",
    "Address": "Alamat",
    "Jorong": "Jorong",
    "Phone": "No. HP",
    "Declared income": "Penghasilan",
    "Funding": "Sumber dana",
    "Programmes": "Program",
    "Coverage start": "Mulai perlindungan",
    "Coverage end": "Akhir perlindungan",
    "Reason": "Alasan",
    "Created": "Dibuat",
    "Changed": "Diubah",
    "History": "Riwayat",
    "new": "baru",
    "duplicate": "ganda",
    "refused": "ditolak",
    "New: {new}, duplicate: {duplicate}, refused: {refused}": "Baru: {new}, ganda: {duplicate}, ditolak: {refused}",
    "Dry run: nothing was saved.": "Uji coba: tidak ada yang disimpan.",
    "Row {line}: {reasons}": "Baris {line}: {reasons}",
    "Refused rows saved to {path}": "Baris yang ditolak disimpan ke {path}",
    "Approved {count} records": "{count} data disetujui",
    "{reg_no} is now {status}": "{reg_no} kini berstatus {status}",
    "Saved {reg_no}": "Tersimpan {reg_no}",
    "No changes.": "Tidak ada perubahan.",
    "Exported {count} rows to {path}": "{count} baris diekspor ke {path}",
    "User {name} added as {role}": "Pengguna {name} ditambahkan sebagai {role}",
    "User {name} unlocked": "Pengguna {name} dibuka kuncinya",
    "Password: ": "Kata sandi: ",
    "Password again: ": "Ulangi kata sandi: ",
    "locked until {time}": "terkunci sampai {time}",
    "moved": "pindah",
    "died": "meninggal",
    "ended": "berhenti",
    "operator": "operator",
    "supervisor": "supervisor",
    "admin": "administrator",
}
