"""Messages of data safety: backups, restore, integrity, the audit trail."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "backup.passphrase": "Wrong passphrase, or the backup file was changed.",
    "backup.keys_need_passphrase": "A backup with the private keys must be encrypted: give a passphrase.",
    "backup.encrypted": "This backup is encrypted: give its passphrase (--passphrase-file).",
    "backup.damaged": "{name} is damaged or is not a Lindungi backup; nothing was changed.",
    "privacy.already_erased": "The personal data of {reg_no} were already erased.",
    "backup.other_install": (
        "This backup belongs to install {code}, not to this one ({ours}); nothing was changed."
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
    MESSAGES["backup.other_install"]: (
        "Cadangan ini milik instalasi {code}, bukan instalasi ini ({ours}); tidak ada yang diubah."
    ),
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
    "Personal data of {reg_no} erased": "Data pribadi {reg_no} telah dihapus",
    "Erased the personal data of {count} participants": "Data pribadi {count} peserta telah dihapus",
    "link": "rantai",
    "Reason": "Alasan",
    "Size": "Ukuran",
}
