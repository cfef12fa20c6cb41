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
    "import.hidden_unknown": "The hidden rows of this {kind} file could not be read: check the sheet has none, or save it as .xlsx.",
    "import.skipped_hidden": "Row {line} is hidden: skipped.",
    "import.skipped_blank": "Row {line} is blank: skipped.",
    "import.skipped_below": "Row {line} is below the table (totals, signatures, notes): skipped.",
    "import.kecamatan_needed": "At the kabupaten, say which kecamatan the sheet comes from (--kecamatan NAME).",
    "import.kecamatan_unknown": "{name} is not a kecamatan of this install.",
    "template.nagari_unknown": "{name} is not a nagari of this install.",
    "import.spelling_unknown": "'{spelling}' is not among the learned nagari spellings.",
    "template.suffix": "{name}: the template is an .xlsx workbook; give a name ending in .xlsx.",
    "template.title": "List of prospective participants (Lindungi template)",
    "template.step1": "1. Fill in the 'Daftar' sheet, one person per row, starting on row 2. Do not change, move or delete the headings of row 1.",
    "template.step2": "2. NIK: the 16 digits of the KTP, typed as they are. The column is text, so Excel keeps every digit; do not paste numbers from another sheet into it.",
    "template.step3": "3. Birth date: type it as dd/mm/yyyy (for example 07/08/1980). It may stay empty: Lindungi reads it from the NIK.",
    "template.step4": "4. Sex, Nagari and Occupation: choose from the drop-down list of the cell.",
    "template.step5": "5. Phone: type it with its leading 0 (0812…). Income per month: a number of rupiah; when empty, {amount} is used and the preview says so.",
    "template.step6": "6. Do not hide rows of people who should not be registered: delete them. Totals and signatures may follow the list after two empty rows.",
    "template.step7": "7. Save as Excel workbook (.xlsx) and send the file to the kecamatan.",
    "template.step8": "8. In Lindungi: Import a spreadsheet, choose this file; every row is checked and shown before anything is saved.",
    "template.hint_no": "Row number (not imported).",
    "template.hint_nik": "16 digits of the KTP, as text.",
    "template.hint_name": "Full name as on the KTP.",
    "template.hint_birth_place": "Place of birth as on the KTP.",
    "template.hint_birth_date": "dd/mm/yyyy, for example 07/08/1980. Empty: read from the NIK.",
    "template.hint_sex": "L (male) or P (female), from the list.",
    "template.hint_address": "Street, house, RT/RW.",
    "template.hint_jorong": "The jorong within the nagari.",
    "template.hint_nagari": "Choose the nagari from the list.",
    "template.hint_occupation": "Choose the occupation from the list.",
    "template.hint_phone": "Mobile or WhatsApp number with its leading 0.",
    "template.hint_income": "Income per month in rupiah, digits only.",
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
    ]: "Baris tersembunyi pada berkas {kind} ini tidak dapat dibaca: pastikan lembar tidak memilikinya, atau simpan sebagai .xlsx.",
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
        "import.spelling_unknown"
    ]: "'{spelling}' tidak termasuk ejaan nagari yang dipelajari.",
    MESSAGES[
        "template.suffix"
    ]: "{name}: templat berupa buku kerja .xlsx; beri nama berakhiran .xlsx.",
    MESSAGES["template.title"]: "Daftar calon peserta (templat Lindungi)",
    MESSAGES[
        "template.step1"
    ]: "1. Isi lembar 'Daftar', satu orang per baris, mulai baris 2. Jangan mengubah, memindahkan atau menghapus judul kolom di baris 1.",
    MESSAGES[
        "template.step2"
    ]: "2. NIK: 16 angka KTP, diketik apa adanya. Kolom ini berformat teks sehingga Excel menyimpan semua angka; jangan menempelkan angka dari lembar lain ke dalamnya.",
    MESSAGES[
        "template.step3"
    ]: "3. Tanggal lahir: ketik sebagai dd/mm/yyyy (misalnya 07/08/1980). Boleh kosong: Lindungi membacanya dari NIK.",
    MESSAGES[
        "template.step4"
    ]: "4. Jenis kelamin, Nagari dan Pekerjaan: pilih dari daftar pilihan pada sel.",
    MESSAGES[
        "template.step5"
    ]: "5. No. HP: ketik dengan angka 0 di depan (0812…). Penghasilan per bulan: angka rupiah; bila kosong dipakai {amount} dan pratinjau menyebutkannya.",
    MESSAGES[
        "template.step6"
    ]: "6. Jangan menyembunyikan baris orang yang tidak didaftarkan: hapus barisnya. Jumlah dan tanda tangan boleh menyusul setelah dua baris kosong.",
    MESSAGES[
        "template.step7"
    ]: "7. Simpan sebagai buku kerja Excel (.xlsx) dan kirim berkasnya ke kecamatan.",
    MESSAGES[
        "template.step8"
    ]: "8. Di Lindungi: Impor lembar kerja, pilih berkas ini; setiap baris diperiksa dan ditampilkan sebelum ada yang disimpan.",
    MESSAGES["template.hint_no"]: "Nomor urut (tidak diimpor).",
    MESSAGES["template.hint_nik"]: "16 angka KTP, sebagai teks.",
    MESSAGES["template.hint_name"]: "Nama lengkap sesuai KTP.",
    MESSAGES["template.hint_birth_place"]: "Tempat lahir sesuai KTP.",
    MESSAGES[
        "template.hint_birth_date"
    ]: "dd/mm/yyyy, misalnya 07/08/1980. Kosong: dibaca dari NIK.",
    MESSAGES["template.hint_sex"]: "L (laki-laki) atau P (perempuan), dari daftar.",
    MESSAGES["template.hint_address"]: "Jalan, rumah, RT/RW.",
    MESSAGES["template.hint_jorong"]: "Jorong di dalam nagari.",
    MESSAGES["template.hint_nagari"]: "Pilih nagari dari daftar.",
    MESSAGES["template.hint_occupation"]: "Pilih pekerjaan dari daftar.",
    MESSAGES["template.hint_phone"]: "Nomor HP atau WhatsApp dengan angka 0 di depan.",
    MESSAGES["template.hint_income"]: "Penghasilan per bulan dalam rupiah, angka saja.",
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
    "The sheet needs a header row naming at least these columns:\n  NIK, name, birth place, nagari, occupation\nand may have: birth date (dd/mm/yyyy), sex (L/P), address, jorong, phone,\nincome per month, funding. A blank birth date or sex is read from the NIK;\na blank income takes the default, with a warning on that row.\nHeadings are understood in the usual forms ('NIK/No. KTP', 'No. HP/WA',\n'Jenis Kelamin (L/P)'); --map 'HEADER=field' maps any other. Fields:\n  {fields}\nType NIKs as text: a NIK Excel stored as a number has lost its last digit.\n'lindungi template --out daftar.xlsx' writes a sheet made for this.": "Lembar memerlukan baris judul yang menyebut sekurang-kurangnya kolom:\n  NIK, nama, tempat lahir, nagari, pekerjaan\ndan boleh memiliki: tanggal lahir (dd/mm/yyyy), jenis kelamin (L/P), alamat,\njorong, no. HP, penghasilan per bulan, sumber dana. Tanggal lahir atau jenis\nkelamin yang kosong dibaca dari NIK; penghasilan yang kosong memakai nilai baku,\ndengan peringatan pada baris itu.\nJudul kolom dikenali dalam bentuk yang lazim ('NIK/No. KTP', 'No. HP/WA',\n'Jenis Kelamin (L/P)'); --map 'JUDUL=isian' memasangkan judul lain. Isian:\n  {fields}\nKetik NIK sebagai teks: NIK yang disimpan Excel sebagai angka kehilangan angka terakhirnya.\n'lindungi template --out daftar.xlsx' menulis lembar yang dibuat untuk ini.",
    "The reply file is the sheet BPJS sends back (xlsx, xls, ods or csv): a\nheader row in its first 15 rows with a NIK column ('NIK', 'No. KTP') and a\nKPJ column ('No KPJ', 'Nomor Kartu', 'No Peserta'); other columns are\nignored. Each row is matched by NIK; a KPJ is 11 digits typed as text (a\nnumber that lost its leading zero is reported, never saved). Nothing is\nsaved with --dry-run, and every row's outcome is shown first.": "Berkas balasan adalah lembar yang dikirim kembali oleh BPJS (xlsx, xls, ods\natau csv): baris judul di 15 baris pertama dengan kolom NIK ('NIK', 'No. KTP')\ndan kolom KPJ ('No KPJ', 'Nomor Kartu', 'No Peserta'); kolom lain diabaikan.\nSetiap baris dicocokkan menurut NIK; KPJ terdiri dari 11 angka yang diketik\nsebagai teks (angka yang kehilangan nol di depannya dilaporkan, tidak pernah\ndisimpan). Dengan --dry-run tidak ada yang disimpan, dan hasil setiap baris\nditampilkan lebih dahulu.",
    "Nagari suggestions can be accepted with --accept-suggestions.": "Saran nagari dapat diterima dengan --accept-suggestions.",
    "Sheet read: {sheet}": "Lembar yang dibaca: {sheet}",
    "Template written to {path} ({count} nagari in its list).": "Templat ditulis ke {path} ({count} nagari dalam daftarnya).",
    "check every row, save nothing": "periksa setiap baris, tidak menyimpan apa pun",
    "ignored": "diabaikan",
    "import a nagari spreadsheet (xlsx, xls, ods or csv)": "impor lembar kerja nagari (xlsx, xls, ods atau csv)",
    "map a column by hand (repeatable); HEADER is a heading or a column letter": "pasangkan kolom secara manual (boleh berulang); JUDUL adalah judul kolom atau huruf kolom",
    "pre-fill this nagari on every row": "isi nagari ini lebih dahulu di setiap baris",
    "read an unknown nagari spelling as the nagari suggested for it": "baca ejaan nagari yang tidak dikenal sebagai nagari yang disarankan",
    "save refused rows here, in the format the name says": "simpan baris yang ditolak di sini, dalam format sesuai nama berkas",
    "the kecamatan the sheet comes from (kabupaten)": "kecamatan asal lembar (kabupaten)",
    "the sheet to read, when several hold a list": "lembar yang dibaca, bila beberapa lembar berisi daftar",
    "with --accept-suggestions: keep the accepted spellings as this install's aliases": "dengan --accept-suggestions: simpan ejaan yang diterima sebagai alias instalasi ini",
    "write the blank list a nagari fills in (xlsx)": "tulis daftar kosong yang diisi nagari (xlsx)",
    "{count} nagari spellings saved as aliases.": "{count} ejaan nagari disimpan sebagai alias.",
    "{count} nagari spellings forgotten.": "{count} ejaan nagari dilupakan.",
    "the nagari spellings this install learned from imports": "ejaan nagari yang dipelajari instalasi ini dari impor",
    "list the learned spellings": "daftar ejaan yang dipelajari",
    "stop reading these spellings as their nagari (supervisors)": "berhenti membaca ejaan ini sebagai nagarinya (supervisor)",
    "No spellings learned yet.": "Belum ada ejaan yang dipelajari.",
    "Spelling": "Ejaan",
    "Code": "Kode",
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
