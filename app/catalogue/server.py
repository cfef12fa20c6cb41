"""Messages of the kabupaten's register on a PostgreSQL server: its address, the
connection test at setup, a server that stops, the sealed password."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "pg.url": (
        "'{url}' is not a PostgreSQL address: write "
        "postgresql://USER@HOST:PORT/DATABASE?sslmode=require"
    ),
    "pg.sslmode": "sslmode={mode} is not supported: use one of {modes}.",
    "pg.url_option": "The PostgreSQL address has options Lindungi does not know: {option}.",
    "pg.ca_file": (
        "The server's certificate file {path} (sslrootcert) is missing or is not a "
        "certificate: give the CA certificate (.crt or .pem) the server's administrator "
        "made. Nothing was changed."
    ),
    "pg.unreachable": (
        "No PostgreSQL server answers at {host} port {port}: check the address and that "
        "the server is running and reachable from this PC. Nothing was changed."
    ),
    "pg.auth": (
        "The PostgreSQL server at {host} port {port} refused the user {user} or its "
        "password. Nothing was changed."
    ),
    "pg.no_database": (
        "The PostgreSQL server at {host} port {port} has no database named {database}: "
        "ask its administrator to create it (createdb). Nothing was changed."
    ),
    "pg.tls": (
        "The TLS connection (sslmode={mode}) to the PostgreSQL server at {host} port "
        "{port} failed: the server refuses TLS or its certificate was not accepted."
    ),
    "pg.connection_lost": (
        "The connection to the PostgreSQL server at {host} port {port} was lost (the "
        "server stopped or the network broke): what was being saved was not saved. Try "
        "again when the server is back."
    ),
    "pg.disk_full": (
        "The PostgreSQL server at {host} port {port} has run out of disk space: nothing "
        "was saved. Tell the server's administrator."
    ),
    "pg.retry": (
        "Another desk changed the same records at the same moment: nothing was saved. Try again."
    ),
    "pg.locator": "The record of the register's server, {path}, is damaged or unreadable.",
    "pg.superseded": (
        "The register was restored at another desk into database {restored}: database "
        "{database}, which this desk is still working on, is no longer used. Nothing was "
        "saved. Close Lindungi and start it again: it then works on the restored register."
    ),
    "pg.follow_gone": (
        "The register was restored at another desk into database {restored}, but that "
        "database cannot be opened ({reason}). This desk does not go on working on the "
        "previous database {database}, which is no longer used: ask the administrator who "
        "restored it."
    ),
    "pg.follow_other": (
        "The register was restored at another desk into database {restored}, but that "
        "database does not hold the register of install {code}. This desk does not go on "
        "working on the previous database {database}, which is no longer used: ask the "
        "administrator who restored it."
    ),
    "pg.not_empty": (
        "The PostgreSQL database {database} already holds the register of install {code}: "
        "choose an empty database."
    ),
    "pg.kecamatan": (
        "A kecamatan keeps its register on this PC: a PostgreSQL server is only for the "
        "kabupaten (--role kabupaten)."
    ),
    "pg.backup_by_server": (
        "This register is on a PostgreSQL server: its backups are made on the server "
        "(pg_dump), not by copying a file. See docs/postgresql.md."
    ),
    "vault.secret": (
        "The sealed {purpose} of this data dir does not open with its key: the data dir's "
        "files do not belong together."
    ),
    "vault.shared_damaged": (
        "The server's copy of the register's key file is damaged: ask the administrator to "
        "sign in at the first desk and change a password (that writes it anew)."
    ),
    "join.not_register": (
        "The PostgreSQL database {database} holds no Lindungi register: give the database "
        "that the first desk set up. Nothing was written."
    ),
    "join.kecamatan": (
        "The PostgreSQL database {database} holds a kecamatan's register: only the "
        "kabupaten's register has several desks. Nothing was written."
    ),
    "join.no_vault": (
        "The register in the PostgreSQL database {database} does not share its sign-ins with "
        "other desks yet: sign in once at the first desk, then join again. Nothing was written."
    ),
    "join.done": (
        "This PC is now a desk of install {code}: its register is database {database} on "
        "{host}, its data folder {path}."
    ),
}

ID: dict[str, str] = {
    "make this PC another desk of the kabupaten's register on PostgreSQL": (
        "jadikan PC ini meja lain dari register kabupaten di PostgreSQL"
    ),
    "the PostgreSQL user's password (or put it in the address)": (
        "kata sandi pengguna PostgreSQL (atau tulis di alamatnya)"
    ),
    MESSAGES["vault.shared_damaged"]: (
        "Salinan berkas kunci register di server rusak: minta administrator masuk di meja "
        "pertama dan mengganti sebuah kata sandi (itu menulisnya kembali)."
    ),
    MESSAGES["join.not_register"]: (
        "Basis data PostgreSQL {database} tidak memuat register Lindungi: berikan basis data "
        "yang disiapkan meja pertama. Tidak ada yang ditulis."
    ),
    MESSAGES["join.kecamatan"]: (
        "Basis data PostgreSQL {database} memuat register kecamatan: hanya register kabupaten "
        "yang punya beberapa meja. Tidak ada yang ditulis."
    ),
    MESSAGES["join.no_vault"]: (
        "Register di basis data PostgreSQL {database} belum berbagi akun masuk dengan meja "
        "lain: masuk sekali di meja pertama, lalu gabung lagi. Tidak ada yang ditulis."
    ),
    MESSAGES["join.done"]: (
        "PC ini kini menjadi meja instalasi {code}: registernya basis data {database} di "
        "{host}, folder datanya {path}."
    ),
    # setup's options
    "kabupaten only: keep the register on this PostgreSQL server": (
        "khusus kabupaten: simpan register di server PostgreSQL ini"
    ),
    "the PostgreSQL user's password (or put it in the --database address)": (
        "kata sandi pengguna PostgreSQL (atau tulis di alamat --database)"
    ),
    MESSAGES["pg.url"]: (
        "'{url}' bukan alamat PostgreSQL: tulis "
        "postgresql://PENGGUNA@HOST:PORT/BASISDATA?sslmode=require"
    ),
    MESSAGES["pg.sslmode"]: "sslmode={mode} tidak didukung: pakai salah satu dari {modes}.",
    MESSAGES["pg.url_option"]: (
        "Alamat PostgreSQL memuat opsi yang tidak dikenal Lindungi: {option}."
    ),
    MESSAGES["pg.ca_file"]: (
        "Berkas sertifikat server {path} (sslrootcert) tidak ada atau bukan sertifikat: "
        "berikan sertifikat CA (.crt atau .pem) yang dibuat administrator server. Tidak ada "
        "yang diubah."
    ),
    MESSAGES["pg.unreachable"]: (
        "Tidak ada server PostgreSQL yang menjawab di {host} port {port}: periksa alamatnya "
        "dan pastikan server berjalan dan dapat dijangkau dari PC ini. Tidak ada yang diubah."
    ),
    MESSAGES["pg.auth"]: (
        "Server PostgreSQL di {host} port {port} menolak pengguna {user} atau kata sandinya. "
        "Tidak ada yang diubah."
    ),
    MESSAGES["pg.no_database"]: (
        "Server PostgreSQL di {host} port {port} tidak punya basis data bernama {database}: "
        "minta pengelolanya membuatnya (createdb). Tidak ada yang diubah."
    ),
    MESSAGES["pg.tls"]: (
        "Sambungan TLS (sslmode={mode}) ke server PostgreSQL di {host} port {port} gagal: "
        "server menolak TLS atau sertifikatnya tidak diterima."
    ),
    MESSAGES["pg.connection_lost"]: (
        "Sambungan ke server PostgreSQL di {host} port {port} terputus (server berhenti atau "
        "jaringan putus): yang sedang disimpan tidak tersimpan. Coba lagi setelah server "
        "kembali."
    ),
    MESSAGES["pg.disk_full"]: (
        "Disk server PostgreSQL di {host} port {port} penuh: tidak ada yang disimpan. "
        "Beri tahu pengelola server."
    ),
    MESSAGES["pg.retry"]: (
        "Meja lain mengubah data yang sama pada saat yang sama: tidak ada yang disimpan. Coba lagi."
    ),
    MESSAGES["pg.locator"]: "Catatan server register, {path}, rusak atau tidak terbaca.",
    MESSAGES["pg.superseded"]: (
        "Register telah dipulihkan di meja lain ke basis data {restored}: basis data "
        "{database}, yang masih dipakai meja ini, tidak digunakan lagi. Tidak ada yang "
        "disimpan. Tutup Lindungi lalu buka lagi: setelah itu ia bekerja pada register yang "
        "dipulihkan."
    ),
    MESSAGES["pg.follow_gone"]: (
        "Register telah dipulihkan di meja lain ke basis data {restored}, tetapi basis data "
        "itu tidak dapat dibuka ({reason}). Meja ini tidak melanjutkan pekerjaan di basis data "
        "sebelumnya, {database}, yang tidak digunakan lagi: tanyakan kepada administrator "
        "yang memulihkannya."
    ),
    MESSAGES["pg.follow_other"]: (
        "Register telah dipulihkan di meja lain ke basis data {restored}, tetapi basis data "
        "itu tidak memuat register instalasi {code}. Meja ini tidak melanjutkan pekerjaan di "
        "basis data sebelumnya, {database}, yang tidak digunakan lagi: tanyakan kepada "
        "administrator yang memulihkannya."
    ),
    MESSAGES["pg.not_empty"]: (
        "Basis data PostgreSQL {database} sudah memuat register instalasi {code}: pilih "
        "basis data yang kosong."
    ),
    MESSAGES["pg.kecamatan"]: (
        "Kecamatan menyimpan registernya di PC ini: server PostgreSQL hanya untuk kabupaten "
        "(--role kabupaten)."
    ),
    MESSAGES["pg.backup_by_server"]: (
        "Register ini ada di server PostgreSQL: cadangannya dibuat di server (pg_dump), "
        "bukan dengan menyalin berkas. Lihat docs/postgresql.md."
    ),
    MESSAGES["vault.secret"]: (
        "{purpose} yang disegel di folder data ini tidak terbuka dengan kuncinya: berkas-berkas "
        "folder data ini bukan pasangan yang sama."
    ),
}
