"""Messages of the encrypted register: its key vault, sign-in before it opens, the recovery
key, the one-time encryption of an earlier release's register."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "signin.needed": (
        "The register in {path} is encrypted: sign in with --user NAME (and "
        "--password-file or LINDUNGI_PASSWORD) to open it."
    ),
    "signin.waiting_reset": (
        "these accounts have no password since the register was encrypted; reset each "
        "with `lindungi user reset NAME`: {names}"
    ),
    "login.needs_reset": (
        "The account {name} has no password since the register was encrypted or restored: "
        "ask an administrator to reset it (an administrator can also use the recovery "
        "sheet: lindungi recover)."
    ),
    "vault.unreadable": "The key file {path} cannot be read: {reason}.",
    "vault.damaged": (
        "The key file {path} is damaged: the register cannot be opened with a password. "
        "Restore it from a copy, or use the recovery sheet (lindungi recover)."
    ),
    "vault.missing": (
        "The register in {path} is encrypted but its key file (vault.json) is missing: "
        "copy it back from where the data folder came from, or restore a backup with the "
        "recovery sheet (lindungi restore FILE --recovery-key-file F)."
    ),
    "vault.no_database": (
        "The data folder has a key file but no register ({path}): restore a backup with "
        "lindungi restore FILE."
    ),
    "db.wrong_key": (
        "The register {path} cannot be read with this install's key: it is damaged, "
        "truncated, or belongs to another install. Nothing was changed; restore a backup."
    ),
    "recovery.format": "This is not a recovery key: it has 24 letters and digits in six groups.",
    "recovery.wrong": "This recovery key does not open this register.",
    "recovery.none": (
        "No recovery key was made for {path}: without a password of an administrator, the "
        "register cannot be opened."
    ),
    "recovery.not_admin": "There is no active administrator named {name}.",
    "recovery.lost": (
        "Without the recovery sheet and without any password, the register cannot be "
        "opened by anyone: that is what the encryption is for. Restore a backup that "
        "carries a password you remember, or start a new register."
    ),
    "backup.other_key": (
        "The backup {name} is encrypted with the key of another install (or is damaged): "
        "on a replacement PC, restore it with the recovery sheet (--recovery-key-file F), "
        "from a backup written with lindungi backup --out or from a copy of the whole data "
        "folder (with its vault.json)."
    ),
    "encrypt.no_room": (
        "The register must be encrypted, but the disk of {folder} lacks room for a second "
        "copy ({need} MB needed): free some space, then sign in again. Nothing was changed."
    ),
    "encrypt.check_failed": (
        "The encrypted copy of {path} failed its check: the register stays as it was. "
        "Run lindungi selftest and report it."
    ),
    "recovery.sheet_title": "Recovery key",
    "recovery.sheet_install": "Lindungi register of {place}, data folder {path}",
    "recovery.sheet_made": "Made on {when}",
    "recovery.sheet_warning": (
        "This key opens the register when every password is forgotten, or on a "
        "replacement PC. Whoever holds it can read every NIK of the register. If every "
        "password AND this sheet are lost, the register is gone: nobody can open it, "
        "not even the makers of Lindungi."
    ),
    "recovery.sheet_step1": (
        "Every password forgotten: type the key into a text file on the PC, then run "
        "lindungi recover --recovery-key-file FILE --user ADMIN-NAME and choose a new "
        "password. Delete the file afterwards."
    ),
    "recovery.sheet_step2": (
        "A replacement PC: install Lindungi, then lindungi restore BACKUP "
        "--recovery-key-file FILE, with a backup written by lindungi backup --out; then "
        "lindungi recover as above."
    ),
    "recovery.sheet_keep": (
        "Keep this sheet locked away (the office safe or a locked drawer), never with "
        "the PC or the backup stick. Do not photograph it; do not store it on the PC."
    ),
    "recovery.sheet_footer": "Lindungi - a new sheet makes this one useless.",
    "recovery.sheet_written": (
        "The recovery sheet is in {path}: print it now, keep it locked away, then delete "
        "the file. Without a password and without the sheet the register cannot be opened."
    ),
    "recovery.done": "New password of {name} set with the recovery key.",
    "recovery.wizard_intro": (
        "The register is encrypted. Print this sheet now and lock it away: it opens the "
        "register when every password is forgotten, or on a replacement PC."
    ),
}

ID: dict[str, str] = {
    "Password set with the recovery key": "Kata sandi diatur dengan kunci pemulihan",
    "Recovery sheet made": "Lembar pemulihan dibuat",
    "the register is encrypted": "register terenkripsi",
    "the data folder is private": "folder data hanya untuk pemiliknya",
    "SQLCipher, key wrapped in {file}": "SQLCipher, kunci terbungkus di {file}",
    "owner only": "hanya pemilik",
    "not checked under Wine": "tidak diperiksa di Wine",
    "where to write the recovery sheet (default: beside the data folder)": (
        "tempat menulis lembar pemulihan (bawaan: di samping folder data)"
    ),
    "a backup of this install on a replacement PC: the recovery key": (
        "cadangan instalasi ini di PC pengganti: kunci pemulihan"
    ),
    "every password forgotten: a new administrator password": (
        "semua kata sandi terlupa: kata sandi administrator baru"
    ),
    "the new password": "kata sandi baru",
    "a new recovery sheet (the old one stops working)": (
        "lembar pemulihan baru (lembar lama tidak berlaku lagi)"
    ),
    MESSAGES["recovery.sheet_title"]: "Kunci pemulihan",
    MESSAGES["recovery.sheet_install"]: "Register Lindungi {place}, folder data {path}",
    MESSAGES["recovery.sheet_made"]: "Dibuat pada {when}",
    MESSAGES["recovery.sheet_warning"]: (
        "Kunci ini membuka register bila semua kata sandi terlupa, atau di PC pengganti. "
        "Siapa pun yang memegangnya dapat membaca semua NIK dalam register. Bila semua kata "
        "sandi DAN lembar ini hilang, register hilang: tidak ada yang dapat membukanya, "
        "pembuat Lindungi pun tidak."
    ),
    MESSAGES["recovery.sheet_step1"]: (
        "Semua kata sandi terlupa: ketik kunci ini ke berkas teks di PC, lalu jalankan "
        "lindungi recover --recovery-key-file BERKAS --user NAMA-ADMIN dan pilih kata "
        "sandi baru. Hapus berkas itu sesudahnya."
    ),
    MESSAGES["recovery.sheet_step2"]: (
        "PC pengganti: pasang Lindungi, lalu lindungi restore CADANGAN "
        "--recovery-key-file BERKAS, dengan cadangan yang ditulis oleh lindungi backup "
        "--out; lalu lindungi recover seperti di atas."
    ),
    MESSAGES["recovery.sheet_keep"]: (
        "Simpan lembar ini di tempat terkunci (brankas kantor atau laci terkunci), jangan "
        "bersama PC atau flashdisk cadangan. Jangan difoto; jangan disimpan di PC."
    ),
    MESSAGES["recovery.sheet_footer"]: "Lindungi - lembar baru membuat lembar ini tidak berlaku.",
    MESSAGES["recovery.sheet_written"]: (
        "Lembar pemulihan ada di {path}: cetak sekarang, simpan di tempat terkunci, lalu "
        "hapus berkasnya. Tanpa kata sandi dan tanpa lembar ini register tidak dapat dibuka."
    ),
    MESSAGES["recovery.done"]: "Kata sandi baru {name} diatur dengan kunci pemulihan.",
    MESSAGES["recovery.wizard_intro"]: (
        "Register ini terenkripsi. Cetak lembar ini sekarang dan simpan di tempat terkunci: "
        "lembar ini membuka register bila semua kata sandi terlupa, atau di PC pengganti."
    ),
    MESSAGES["signin.needed"]: (
        "Register di {path} terenkripsi: masuk dengan --user NAMA (dan --password-file "
        "atau LINDUNGI_PASSWORD) untuk membukanya."
    ),
    MESSAGES["signin.waiting_reset"]: (
        "akun-akun ini belum punya kata sandi sejak register dienkripsi; atur ulang "
        "masing-masing dengan `lindungi user reset NAMA`: {names}"
    ),
    MESSAGES["login.needs_reset"]: (
        "Akun {name} belum punya kata sandi sejak register dienkripsi atau dipulihkan: minta "
        "administrator mengatur ulang kata sandinya (administrator dapat juga memakai lembar "
        "pemulihan: lindungi recover)."
    ),
    MESSAGES["vault.unreadable"]: "Berkas kunci {path} tidak dapat dibaca: {reason}.",
    MESSAGES["vault.damaged"]: (
        "Berkas kunci {path} rusak: register tidak dapat dibuka dengan kata sandi. "
        "Pulihkan dari salinan, atau gunakan lembar pemulihan (lindungi recover)."
    ),
    MESSAGES["vault.missing"]: (
        "Register di {path} terenkripsi tetapi berkas kuncinya (vault.json) hilang: salin "
        "kembali dari asal folder data, atau pulihkan cadangan dengan lembar pemulihan "
        "(lindungi restore BERKAS --recovery-key-file F)."
    ),
    MESSAGES["vault.no_database"]: (
        "Folder data memiliki berkas kunci tetapi tidak ada register ({path}): pulihkan "
        "cadangan dengan lindungi restore BERKAS."
    ),
    MESSAGES["db.wrong_key"]: (
        "Register {path} tidak dapat dibaca dengan kunci instalasi ini: rusak, terpotong, "
        "atau milik instalasi lain. Tidak ada yang diubah; pulihkan cadangan."
    ),
    MESSAGES["recovery.format"]: (
        "Ini bukan kunci pemulihan: kunci pemulihan terdiri dari 24 huruf dan angka dalam "
        "enam kelompok."
    ),
    MESSAGES["recovery.wrong"]: "Kunci pemulihan ini tidak membuka register ini.",
    MESSAGES["recovery.none"]: (
        "Belum ada kunci pemulihan untuk {path}: tanpa kata sandi seorang administrator, "
        "register tidak dapat dibuka."
    ),
    MESSAGES["recovery.not_admin"]: "Tidak ada administrator aktif bernama {name}.",
    MESSAGES["recovery.lost"]: (
        "Tanpa lembar pemulihan dan tanpa satu pun kata sandi, register tidak dapat dibuka "
        "oleh siapa pun: itulah gunanya enkripsi. Pulihkan cadangan yang kata sandinya "
        "masih diingat, atau mulai register baru."
    ),
    MESSAGES["backup.other_key"]: (
        "Cadangan {name} terenkripsi dengan kunci instalasi lain (atau rusak): di PC "
        "pengganti, pulihkan dengan lembar pemulihan (--recovery-key-file F), dari cadangan "
        "yang ditulis dengan lindungi backup --out atau dari salinan seluruh folder data "
        "(beserta vault.json-nya)."
    ),
    MESSAGES["encrypt.no_room"]: (
        "Register harus dienkripsi, tetapi disk {folder} tidak cukup untuk salinan kedua "
        "(perlu {need} MB): kosongkan sebagian ruang, lalu masuk lagi. Tidak ada yang diubah."
    ),
    MESSAGES["encrypt.check_failed"]: (
        "Salinan terenkripsi {path} gagal diperiksa: register tetap seperti semula. "
        "Jalankan lindungi selftest dan laporkan."
    ),
}
