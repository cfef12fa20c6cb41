"""Messages of data safety: backups, restore, integrity, the audit trail."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "backup.passphrase": "Wrong passphrase, or the backup file was changed.",
    "backup.keys_need_passphrase": "A backup with the private keys must be encrypted: give a passphrase.",
    "backup.encrypted": "This backup is encrypted: give its passphrase (--passphrase-file).",
    "backup.damaged": "{name} is damaged or is not a Lindungi backup; nothing was changed.",
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
    MESSAGES["backup.other_install"]: (
        "Cadangan ini milik instalasi {code}, bukan instalasi ini ({ours}); tidak ada yang diubah."
    ),
    "Backup written: {path}": "Cadangan ditulis: {path}",
    "Restored {count} participants from {path}": "Dipulihkan {count} peserta dari {path}",
    "The database before the restore was kept as {path}": "Basis data sebelum pemulihan disimpan sebagai {path}",
    "Taken": "Waktu",
    "Reason": "Alasan",
    "Size": "Ukuran",
}
