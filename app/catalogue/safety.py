"""Messages of data safety: backups, restore, integrity, the audit trail."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "backup.passphrase": "Wrong passphrase, or the backup file was changed.",
    "backup.keys_need_passphrase": "A backup with the private keys must be encrypted: give a passphrase.",
    "backup.encrypted": "This backup is encrypted: give its passphrase (--passphrase-file).",
    "backup.damaged": "{name} is damaged or is not a Lindungi backup; nothing was changed.",
    "privacy.already_erased": "The personal data of {reg_no} were already erased.",
    "key.locked": (
        "This PC's signing key is protected by a passphrase: unlock it first (in the GUI after "
        "logging in, or with LINDUNGI_KEY_PASSPHRASE for the command line)."
    ),
    "key.passphrase": "Wrong passphrase for this PC's signing key.",
    "key.passphrase_short": "A passphrase needs at least 8 characters.",
    "backup.other_install": (
        "This backup belongs to install {code}, not to this one ({ours}); nothing was changed."
    ),
    "backup.schema": (
        "{name} does not have the database structure that Lindungi makes (schema "
        "{revision}): {details}. It was changed outside Lindungi, and restoring it could hide "
        "changes to the history; nothing was changed."
    ),
    "erasures.unreadable": (
        "The erasure ledger {path} cannot be read, so a restore could bring back people whose "
        "data were erased; nothing was changed. Restore the file from a copy, or ask for "
        "support."
    ),
}

ID: dict[str, str] = {
    MESSAGES["backup.passphrase"]: "Frasa sandi salah, atau berkas cadangan telah diubah.",
    MESSAGES[
        "backup.keys_need_passphrase"
    ]: "Cadangan yang memuat kunci privat harus dienkripsi: berikan frasa sandi.",
    MESSAGES[
        "backup.encrypted"
    ]: "Cadangan ini terenkripsi: berikan frasa sandinya (--passphrase-file).",
    MESSAGES["backup.damaged"]: "{name} rusak atau bukan cadangan Lindungi; tidak ada yang diubah.",
    MESSAGES["privacy.already_erased"]: "Data pribadi {reg_no} sudah dihapus.",
    MESSAGES["key.locked"]: (
        "Kunci tanda tangan PC ini dilindungi frasa sandi: buka dulu (di aplikasi setelah "
        "masuk, atau dengan LINDUNGI_KEY_PASSPHRASE untuk baris perintah)."
    ),
    MESSAGES["key.passphrase"]: "Frasa sandi kunci tanda tangan PC ini salah.",
    MESSAGES["key.passphrase_short"]: "Frasa sandi sekurang-kurangnya 8 karakter.",
    MESSAGES["backup.other_install"]: (
        "Cadangan ini milik instalasi {code}, bukan instalasi ini ({ours}); tidak ada yang diubah."
    ),
    MESSAGES["backup.schema"]: (
        "{name} tidak memiliki struktur basis data yang dibuat Lindungi (skema {revision}): "
        "{details}. Berkas ini diubah di luar Lindungi, dan memulihkannya dapat menyembunyikan "
        "perubahan riwayat; tidak ada yang diubah."
    ),
    MESSAGES["erasures.unreadable"]: (
        "Catatan penghapusan {path} tidak dapat dibaca, sehingga pemulihan dapat mengembalikan "
        "orang yang datanya sudah dihapus; tidak ada yang diubah. Pulihkan berkas itu dari "
        "salinan, atau minta bantuan."
    ),
    "the table {name}": "tabel {name}",
    "the index {name}": "indeks {name}",
    "the trigger {name}": "pemicu (trigger) {name}",
    "the view {name}": "view {name}",
    "missing: {what}": "hilang: {what}",
    "not ours: {what}": "bukan buatan Lindungi: {what}",
    "changed: {what}": "diubah: {what}",
    "Backup written: {path}": "Cadangan ditulis: {path}",
    "Restored {count} participants from {path}": "Dipulihkan {count} peserta dari {path}",
    "The database before the restore was kept as {path}": "Basis data sebelum pemulihan disimpan sebagai {path}",
    "Taken": "Waktu",
    "Time": "Waktu",
    "User": "Pengguna",
    "Install": "Instalasi",
    "Subject": "Subjek",
    "Action": "Tindakan",
    "Details": "Rincian",
    "The audit trail is whole: {count} entries verified.": "Jejak audit utuh: {count} entri diperiksa.",
    "The audit trail was changed at entry {id} ({kind}).": "Jejak audit telah diubah pada entri {id} ({kind}).",
    "content": "isi",
    "Personal data stored by Lindungi": "Data pribadi yang disimpan Lindungi",
    "Printed {date}": "Dicetak {date}",
    "The record": "Data peserta",
    "Page {n}": "Halaman {n}",
    "Report written: {path}": "Laporan ditulis: {path}",
    "The signing key is now protected by a passphrase.": "Kunci tanda tangan kini dilindungi frasa sandi.",
    "The signing key is no longer protected by a passphrase.": "Kunci tanda tangan tidak lagi dilindungi frasa sandi.",
    "protect the signing key with a passphrase (or change it)": "lindungi kunci tanda tangan dengan frasa sandi (atau ganti)",
    "remove the passphrase of the signing key": "hapus frasa sandi kunci tanda tangan",
    "the current passphrase": "frasa sandi saat ini",
    "Personal data of {reg_no} erased": "Data pribadi {reg_no} telah dihapus",
    "Erased the personal data of {count} participants": "Data pribadi {count} peserta telah dihapus",
    "link": "rantai",
    "Reason": "Alasan",
    "Size": "Ukuran",
}
