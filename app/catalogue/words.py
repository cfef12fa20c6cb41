"""Words a clerk reads where the data holds codes.

The labels of stored fields, with which ``app.services.changes`` puts history entries and
audit details into words (labels other areas already translate, such as Name, Status and
Quota, are not repeated here); why a backup was made; the name of a list's sheet; the
choices of a command-line option.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {}

ID: dict[str, str] = {
    "Account": "Akun",
    "Amount": "Nominal",
    "Bundle no.": "No. bundel",
    "Card serial": "Seri kartu",
    "Card version": "Versi kartu",
    "Cards": "Kartu",
    "Collected by": "Diambil oleh",
    "Count": "Jumlah",
    "Duplicate of": "Ganda dari",
    "Duplicates": "Ganda",
    "Entries": "Entri",
    "File": "Berkas",
    "From the quotas of": "Dari kuota tahun",
    "Full NIK": "NIK lengkap",
    "Full name": "Nama lengkap",
    "Handover event": "Acara penyerahan",
    "KPJ": "KPJ",
    "Keys replaced": "Kunci yang diganti",
    "Kind": "Jenis",
    "Label": "Label",
    "NIK": "NIK",
    "New": "Baru",
    "Officials": "Pejabat",
    "Overridden": "Dikecualikan",
    "Override reason": "Alasan pengecualian",
    "Passphrase": "Frasa sandi",
    "Percent (hundredths)": "Persen (perseratus)",
    "Quotas": "Kuota",
    "Refused": "Ditolak",
    "Rows": "Baris",
    "Search": "Pencarian",
    "Setting": "Pengaturan",
    "Since": "Sejak",
    "Source": "Sumber",
    "Station": "Stasiun",
    "Value": "Nilai",
    "Counts": "Jumlah",
    "Encrypted": "Terenkripsi",
    "Format": "Format",
    "From": "Dari",
    "Handed over": "Diserahkan",
    "Issued": "Diterbitkan",
    "Keys": "Kunci",
    "Records": "Data",
    "Backup of the replaced data": "Cadangan data yang diganti",
    "Erasures applied again": "Penghapusan yang diterapkan lagi",
    "Applied again after a restore": "Diterapkan lagi setelah pemulihan",
    "Rule": "Aturan",
    "made by hand": "dibuat manual",
    "daily": "harian",
    "on closing": "saat aplikasi ditutup",
    "before a spreadsheet import": "sebelum impor lembar kerja",
    "before a restore": "sebelum pemulihan",
    "before a bundle import": "sebelum impor bundel",
    "before a database upgrade": "sebelum pembaruan basis data",
    "List": "Daftar",
    "history entries": "entri riwayat",
    "choose one of {choices}": "pilih salah satu: {choices}",
}
