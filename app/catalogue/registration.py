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
    "user.password_rule": "At least {min} characters.",
    "user.admin_exists": (
        "This data dir has an administrator already: accounts are added by an administrator "
        "who signed in."
    ),
    "user.already_active": "The account {name} is already active.",
    "user.already_inactive": "The account {name} is already deactivated.",
    "user.deactivate_self": "You cannot deactivate your own account.",
    "user.last_admin": "The last active administrator cannot be deactivated.",
    "password.same": "The new password must differ from the current one.",
    "password.current_wrong": "The current password is not right.",
    "signin.user_needed": ("Sign in first: give the account with --user NAME (or LINDUNGI_USER)."),
    "signin.password_needed": (
        "No password for {name}: give --password-file FILE or LINDUNGI_PASSWORD, or run "
        "the command at a terminal to be asked."
    ),
    "signin.must_change": (
        "An administrator reset the password of {name}: choose a new one first with "
        "`lindungi --user {name} user passwd`."
    ),
    "signin.no_admin": (
        "This data dir has no administrator account yet: create the first one with "
        "`lindungi user add NAME --role admin`."
    ),
    "setup.admin_needed": (
        "Name the first administrator: --admin NAME (or --user NAME), with the password from "
        "--password-file, LINDUNGI_PASSWORD or the terminal."
    ),
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
    MESSAGES["user.password_rule"]: "Sekurang-kurangnya {min} karakter.",
    MESSAGES["user.admin_exists"]: (
        "Folder data ini sudah memiliki administrator: akun ditambahkan oleh administrator "
        "yang sudah masuk."
    ),
    MESSAGES["user.already_active"]: "Akun {name} sudah aktif.",
    MESSAGES["user.already_inactive"]: "Akun {name} sudah dinonaktifkan.",
    MESSAGES["user.deactivate_self"]: "Anda tidak dapat menonaktifkan akun Anda sendiri.",
    MESSAGES["user.last_admin"]: "Administrator aktif terakhir tidak dapat dinonaktifkan.",
    MESSAGES["password.same"]: "Kata sandi baru harus berbeda dari kata sandi sekarang.",
    MESSAGES["password.current_wrong"]: "Kata sandi sekarang tidak benar.",
    MESSAGES["signin.user_needed"]: (
        "Masuk dulu: sebutkan akun dengan --user NAMA (atau LINDUNGI_USER)."
    ),
    MESSAGES["signin.password_needed"]: (
        "Tidak ada kata sandi untuk {name}: berikan --password-file BERKAS atau "
        "LINDUNGI_PASSWORD, atau jalankan perintah di terminal agar ditanya."
    ),
    MESSAGES["signin.must_change"]: (
        "Administrator mengatur ulang kata sandi {name}: pilih kata sandi baru dulu dengan "
        "`lindungi --user {name} user passwd`."
    ),
    MESSAGES["signin.no_admin"]: (
        "Folder data ini belum memiliki akun administrator: buat yang pertama dengan "
        "`lindungi user add NAMA --role admin`."
    ),
    MESSAGES["setup.admin_needed"]: (
        "Sebutkan administrator pertama: --admin NAMA (atau --user NAMA), dengan kata sandi dari "
        "--password-file, LINDUNGI_PASSWORD atau terminal."
    ),
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
    "User {name} deactivated": "Pengguna {name} dinonaktifkan",
    "User {name} reactivated": "Pengguna {name} diaktifkan kembali",
    "Password of {name} reset: it must be changed at the next sign-in": (
        "Kata sandi {name} diatur ulang: harus diganti saat masuk berikutnya"
    ),
    "Password of {name} changed": "Kata sandi {name} diganti",
    "Password of {name}: ": "Kata sandi {name}: ",
    "User name: ": "Nama pengguna: ",
    "deactivated": "nonaktif",
    "must change password": "harus mengganti kata sandi",
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
