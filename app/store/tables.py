"""The tables, as SQLAlchemy 2 typed declarative classes.

Services never see these classes: repositories turn rows into plain dataclasses.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints, so that Alembic's batch mode can drop and recreate them on SQLite.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with the naming convention."""

    metadata = MetaData(naming_convention=NAMING)


class Region(Base):
    """Province, regency, kecamatan and nagari/desa, by Kemendagri code (``13.03.06``)."""

    __tablename__ = "region"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    level: Mapped[str] = mapped_column(String(12))
    parent_code: Mapped[str | None] = mapped_column(
        ForeignKey("region.code", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(120))
    aliases: Mapped[str] = mapped_column(Text, default="")


class Install(Base):
    """This install's identity; a single row with id 1."""

    __tablename__ = "install"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("role IN ('kecamatan', 'kabupaten')", name="role"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    role: Mapped[str] = mapped_column(String(12))
    regency_code: Mapped[str] = mapped_column(String(8))
    kecamatan_code: Mapped[str | None] = mapped_column(String(12))
    station: Mapped[str] = mapped_column(String(1))
    install_code: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    registration_seq: Mapped[int] = mapped_column(Integer, default=0)


class Setting(Base):
    """A preference stored as JSON text; defaults live in ``app.settings``."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ProgrammeYear(Base):
    """A year of the programme (2022, 2023, …)."""

    __tablename__ = "programme_year"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class Quota(Base):
    """How many participants a kecamatan may have in a year, per funding source."""

    __tablename__ = "quota"
    __table_args__ = (UniqueConstraint("year", "kecamatan_code", "funding"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(
        ForeignKey("programme_year.year", ondelete="CASCADE"), index=True
    )
    kecamatan_code: Mapped[str] = mapped_column(ForeignKey("region.code", ondelete="RESTRICT"))
    funding: Mapped[str] = mapped_column(String(16))
    quota: Mapped[int] = mapped_column(Integer)


class Rate(Base):
    """A dated contribution rule: a percentage of income with bounds, or a flat amount."""

    __tablename__ = "rate"
    __table_args__ = (
        CheckConstraint("(percent_bp IS NULL) != (amount IS NULL)", name="percent_or_amount"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    effective_from: Mapped[dt.date] = mapped_column(Date, index=True)
    programme: Mapped[str] = mapped_column(String(3))
    percent_bp: Mapped[int | None] = mapped_column(Integer)
    amount: Mapped[int | None] = mapped_column(Integer)
    min_amount: Mapped[int | None] = mapped_column(Integer)
    max_amount: Mapped[int | None] = mapped_column(Integer)
    funding: Mapped[str] = mapped_column(String(64), default="*")
    note: Mapped[str] = mapped_column(Text, default="")


class Participant(Base):
    """A registered person. Never hard-deleted; leaves the programme by status."""

    __tablename__ = "participant"
    __table_args__ = (
        Index("ix_participant_nagari_status", "nagari_code", "status"),
        CheckConstraint(
            "status IN ('draft', 'approved', 'accepted', 'active', 'inactive')", name="status"
        ),
        CheckConstraint("sex IN ('L', 'P')", name="sex"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    reg_no: Mapped[str] = mapped_column(String(20), unique=True)
    nik: Mapped[str] = mapped_column(String(16), index=True)
    name: Mapped[str] = mapped_column(String(200, collation="NOCASE"), index=True)
    birth_place: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[dt.date] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(1))
    address: Mapped[str] = mapped_column(Text, default="")
    jorong: Mapped[str] = mapped_column(String(100), default="")
    nagari_code: Mapped[str] = mapped_column(ForeignKey("region.code", ondelete="RESTRICT"))
    kecamatan_code: Mapped[str] = mapped_column(
        ForeignKey("region.code", ondelete="RESTRICT"), index=True
    )
    occupation: Mapped[str] = mapped_column(String(32))
    phone: Mapped[str] = mapped_column(String(20), default="")
    income: Mapped[int] = mapped_column(Integer)
    funding: Mapped[str] = mapped_column(String(16))
    programmes: Mapped[str] = mapped_column(String(16))
    coverage_start: Mapped[dt.date] = mapped_column(Date)
    coverage_end: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), index=True)
    status_reason: Mapped[str] = mapped_column(String(20), default="")
    status_date: Mapped[dt.date | None] = mapped_column(Date)
    duplicate_of: Mapped[str | None] = mapped_column(String(20))
    kpj: Mapped[str | None] = mapped_column(String(11), index=True)
    override_reason: Mapped[str] = mapped_column(Text, default="")
    revision: Mapped[int] = mapped_column(Integer, default=1)
    ack_revision: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    created_install: Mapped[str] = mapped_column(String(10))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(64))
    updated_install: Mapped[str] = mapped_column(String(10))
    # Set when the personal data were erased (retention ended or a lawful request): the
    # registration number, status, reason and dates stay; names, NIK and contacts do not.
    erased_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # The hash of the history entry that vouches for the row's current state (migration
    # 0008): ``audit verify`` checks the row against that entry's state digest.
    history_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")


class History(Base):
    """Append-only change history (triggers refuse DELETE, and every UPDATE but the
    erasure's redaction): who, when, what."""

    __tablename__ = "history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(64))
    install_code: Mapped[str] = mapped_column(String(10))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    action: Mapped[str] = mapped_column(String(32))
    changes: Mapped[str] = mapped_column(Text, default="{}")
    reason: Mapped[str] = mapped_column(Text, default="")
    # The hash chain (app.domain.audit): filled by app.store.repo when an entry is appended.
    content_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    prev_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    redacted: Mapped[bool] = mapped_column(default=False, server_default="0")
    # The chain rule the entry was made under (app.domain.audit), and for an entry about a
    # participant, the digest of its compared columns after the entry (rule 2).
    rule: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    state: Mapped[str] = mapped_column(String(64), default="", server_default="")


class Account(Base):
    """A local user account: operator, supervisor or administrator."""

    __tablename__ = "account"
    __table_args__ = (CheckConstraint("role IN ('operator', 'supervisor', 'admin')", name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(12))
    password_hash: Mapped[str] = mapped_column(Text)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # Set by an administrator's reset: the next sign-in must choose a new password.
    must_change: Mapped[bool] = mapped_column(default=False, server_default="0")


# --- cards, keys and handovers (docs/cards.md) -------------------------------------------


class InstallKey(Base):
    """This install's Ed25519 signing keys; the private half lives in a file under keys/.

    Only the public key and its fingerprint are in the database, so that a backup or a
    bundle never carries a private key. A retired key (lost file, rotation) keeps its row.
    """

    __tablename__ = "install_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    install_code: Mapped[str] = mapped_column(String(10))
    public_key: Mapped[str] = mapped_column(String(64))  # raw 32 bytes, hex
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 of the raw key
    key_file: Mapped[str] = mapped_column(String(200))  # file name inside <data_dir>/keys
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    retired_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class KnownKey(Base):
    """Public keys of issuers whose cards (and bundles) this install can verify."""

    __tablename__ = "known_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    install_code: Mapped[str] = mapped_column(String(10), index=True)
    public_key: Mapped[str] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(String(16))  # self | enrolment | bundle | manual
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Card(Base):
    """One printed card. A print or reprint issues a (serial, version); a copy repeats one.

    At most one issue per participant is current (not void): a reprint voids the earlier
    issue and its copies.
    """

    __tablename__ = "card"
    __table_args__ = (
        CheckConstraint("kind IN ('print', 'copy', 'reprint')", name="kind"),
        Index("ix_card_install_serial", "install_code", "serial"),
        # The database itself keeps "at most one current issue per participant". The
        # migrations make the index (db/versions/0003_cards.py, with the PostgreSQL
        # server's own condition); naming postgresql_where here would import SQLAlchemy's
        # PostgreSQL dialect, its drivers' modules included, at every start (~40 ms).
        Index(
            "ix_card_current",
            "participant_uuid",
            unique=True,
            sqlite_where=text("kind != 'copy' AND void = 0"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_uuid: Mapped[str] = mapped_column(
        ForeignKey("participant.uuid", ondelete="RESTRICT"), index=True
    )
    reg_no: Mapped[str] = mapped_column(String(20), index=True)
    serial: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str] = mapped_column(Text, default="")
    kpj: Mapped[str | None] = mapped_column(String(11))  # the KPJ number printed, if any
    printed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    printed_by: Mapped[str] = mapped_column(String(64))
    install_code: Mapped[str] = mapped_column(String(10))
    void: Mapped[bool] = mapped_column(default=False)
    voided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class HandoverEvent(Base):
    """A card handover event (penyerahan kartu), opened and closed by a supervisor."""

    __tablename__ = "handover_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200))
    officials: Mapped[str] = mapped_column(Text, default="")  # "; "-separated
    install_code: Mapped[str] = mapped_column(String(10))
    opened_by: Mapped[str] = mapped_column(String(64))
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    closed_by: Mapped[str | None] = mapped_column(String(64))


class HandoverItem(Base):
    """A card handed over at an event, to its holder or to a named proxy."""

    __tablename__ = "handover_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("handover_event.id", ondelete="RESTRICT"), index=True
    )
    card_id: Mapped[int] = mapped_column(ForeignKey("card.id", ondelete="RESTRICT"), unique=True)
    proxy_name: Mapped[str] = mapped_column(String(200), default="")  # empty: the holder
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    by: Mapped[str] = mapped_column(String(64))
    via: Mapped[str] = mapped_column(String(8), default="tick")  # scan | tick


# --- sync: offices, bundles, receipts, conflicts (docs/sync.md) --------------------------


class SyncPeer(Base):
    """An install this one exchanges files with: at the kabupaten, each office (the ledger);
    at an office, its kabupaten (from the enrolment file).

    The public keys arrive with an office's first bundle; until a person compares the
    fingerprint on both screens and confirms it, ``confirmed_at`` is empty and that office's
    bundles are held.
    """

    __tablename__ = "sync_peer"
    __table_args__ = (CheckConstraint("role IN ('kecamatan', 'kabupaten')", name="role"),)

    install_code: Mapped[str] = mapped_column(String(10), primary_key=True)
    role: Mapped[str] = mapped_column(String(12))
    regency_code: Mapped[str] = mapped_column(String(8))
    kecamatan_code: Mapped[str | None] = mapped_column(String(12))
    sign_key: Mapped[str | None] = mapped_column(String(64))  # raw 32 bytes, hex
    enc_key: Mapped[str | None] = mapped_column(String(64))  # raw 32 bytes, hex
    fingerprint: Mapped[str | None] = mapped_column(String(32))
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    confirmed_by: Mapped[str | None] = mapped_column(String(64))
    enrolled_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_sequence: Mapped[int] = mapped_column(Integer, default=0)
    last_created_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_received_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # The random id the office's install made at setup (a clone set up from the same
    # enrolment file has another one), and a revoked key (a stolen PC).
    install_id: Mapped[str | None] = mapped_column(String(32))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    revoked_by: Mapped[str | None] = mapped_column(String(64))
    # The newest signed chain head of that install this one accepted (migration 0008):
    # its next file must extend it. ``chain_trust``: "first_use" (taken without a head
    # to extend), "extends" (checked against the one before), "" (none yet).
    chain_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    chain_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    chain_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    chain_trust: Mapped[str] = mapped_column(String(12), default="", server_default="")
    # This install's own head as that install holds it (from its latest file): what the
    # next file to it carries the entries after.
    chain_seen_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    chain_seen_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")


class SyncReceived(Base):
    """A bundle or receipt received: importing the same file twice changes nothing, gaps in
    a sender's sequence show, and held bundles wait here (their file copied under held/)."""

    __tablename__ = "sync_received"
    __table_args__ = (
        CheckConstraint("kind IN ('bundle', 'receipt')", name="kind"),
        CheckConstraint("status IN ('imported', 'held')", name="status"),
        # One row per key: a second key claiming an office is held apart.
        UniqueConstraint("sender", "kind", "sequence", "fingerprint"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(8))
    sender: Mapped[str] = mapped_column(String(10), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    previous: Mapped[str] = mapped_column(String(64), default="")
    acked_upto: Mapped[int] = mapped_column(Integer, default=0)
    fingerprint: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(8))
    file_name: Mapped[str] = mapped_column(String(200))
    held_file: Mapped[str | None] = mapped_column(String(200))
    counts: Mapped[str] = mapped_column(Text, default="{}")
    outcome: Mapped[str] = mapped_column(Text, default="{}")
    install_id: Mapped[str | None] = mapped_column(String(32))  # the sender's, from format 2


class SyncSent(Base):
    """A bundle or receipt this install wrote, with how far its content reached."""

    __tablename__ = "sync_sent"
    __table_args__ = (
        CheckConstraint("kind IN ('bundle', 'receipt')", name="kind"),
        UniqueConstraint("recipient", "kind", "sequence"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    recipient: Mapped[str] = mapped_column(String(10))
    sequence: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    counts: Mapped[str] = mapped_column(Text, default="{}")
    cursor: Mapped[str] = mapped_column(Text, default="{}")  # last history/card ids included
    acked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class SyncConflict(Base):
    """A conflict a person resolves side by side: the same NIK in two records (A in the
    register, B from a bundle), or one record changed both here and in a bundle."""

    __tablename__ = "sync_conflict"
    __table_args__ = (CheckConstraint("kind IN ('duplicate', 'edit')", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    nik: Mapped[str] = mapped_column(String(16), index=True)
    a_uuid: Mapped[str] = mapped_column(String(36), index=True)
    b_uuid: Mapped[str] = mapped_column(String(36), index=True)
    a_data: Mapped[str] = mapped_column(Text)
    b_data: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(10))
    sequence: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    decision: Mapped[str | None] = mapped_column(String(16))
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")


class DeskPresence(Base):
    """A desk (one signed-in program) at work on this register: a heartbeat row that the
    desk refreshes while it runs; a row not seen for two minutes is a desk gone."""

    __tablename__ = "desk_presence"

    desk_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    account: Mapped[str] = mapped_column(String(64))
    host: Mapped[str] = mapped_column(String(128))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
