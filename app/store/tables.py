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


class History(Base):
    """Append-only change history (triggers refuse UPDATE and DELETE): who, when, what."""

    __tablename__ = "history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(64))
    install_code: Mapped[str] = mapped_column(String(10))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    action: Mapped[str] = mapped_column(String(32))
    changes: Mapped[str] = mapped_column(Text, default="{}")
    reason: Mapped[str] = mapped_column(Text, default="")


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
