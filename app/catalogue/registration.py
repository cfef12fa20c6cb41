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
    "sheet.kind": "{name} is not a spreadsheet Lindungi reads: use .xlsx or .csv.",
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
    ]: "{name} bukan lembar kerja yang dapat dibaca Lindungi: gunakan .xlsx atau .csv.",
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
    "Born": "Lahir",
    "Since": "Sejak",
    "Duplicate of": "Ganda dari",
    "Overridden": "Dikecualikan",
    "Registered by": "Didaftarkan oleh",
    "Registered at": "Didaftarkan di",
    "Changed by": "Diubah oleh",
    "Changed at": "Diubah di",
    "File": "Berkas",
    "Source": "Sumber",
    "Card serial": "Seri kartu",
    "Card version": "Versi kartu",
    "Handover event": "Acara penyerahan",
    "Proxy": "Wakil",
    "Override reason": "Alasan pengecualian",
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
