"""The manifests of the three kinds of file, and their names on a USB stick.

- a **bundle** goes from a kecamatan station to its kabupaten: sequence number, hash of the
  station's previous bundle, counts; its payload is sealed for the kabupaten;
- a **receipt** goes back: the outcome of each record of a bundle and the kabupaten's state
  of every record of that station; sealed for the station;
- an **enrolment file** is given by the kabupaten to a new station: the kabupaten's public
  keys and the station's identity, signed, not sealed (it holds no secret).

File names use only characters valid on FAT32 and Windows.

Format 2 adds optional fields, absent from a version-1 file: the sender's random install id
(``sender.install_id``), and in a receipt the install id the kabupaten knows for the station
and the station's highest registration number it holds (``station``). The header key
``chain`` (from chain rule 2, still format 2: an optional key) holds the sender's signed
chain head and the head of the recipient's chain the sender holds; a file without it is read
as "no chain, first use".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from app.sync.container import FormatError
from app.sync.records import valid_install_code

BUNDLE_SUFFIX = ".lbundle"
RECEIPT_SUFFIX = ".lreceipt"
ENROL_SUFFIX = ".lenrol"
_SHA = re.compile(r"^[0-9a-f]{64}$")
_REGION = re.compile(r"^\d{2}\.\d{2}(\.\d{2})?$")
_INSTALL_ID = re.compile(r"^[0-9a-f]{32}$")


def bundle_name(install: str, sequence: int) -> str:
    """``LINDUNGI-130306-A-000012.lbundle``."""
    return f"LINDUNGI-{install}-{sequence:06d}{BUNDLE_SUFFIX}"


def receipt_name(install: str, sequence: int) -> str:
    """``LINDUNGI-130306-A-TT000003.lreceipt`` (TT: tanda terima)."""
    return f"LINDUNGI-{install}-TT{sequence:06d}{RECEIPT_SUFFIX}"


def enrol_name(install: str) -> str:
    """``LINDUNGI-130306-A.lenrol``."""
    return f"LINDUNGI-{install}{ENROL_SUFFIX}"


def _need(cond: bool) -> None:
    if not cond:
        raise FormatError("header")


def _str(h: dict[str, Any], key: str, max_len: int = 64) -> str:
    v = h.get(key)
    _need(isinstance(v, str) and len(v) <= max_len)
    assert isinstance(v, str)
    return v


def _int(h: dict[str, Any], key: str) -> int:
    v = h.get(key)
    _need(isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2**40)
    assert isinstance(v, int)
    return v


def _when(h: dict[str, Any], key: str) -> dt.datetime:
    text = _str(h, key, 32)
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise FormatError("header") from None


def _counts(h: dict[str, Any]) -> dict[str, int]:
    c = h.get("counts")
    _need(isinstance(c, dict) and len(c) <= 32)
    assert isinstance(c, dict)
    for k, v in c.items():
        _need(isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and v >= 0)
    return dict(c)


def _install_id(p: dict[str, Any]) -> str:
    """An optional install id (format 2): 32 hex digits, or "" when absent."""
    v = p.get("install_id", "")
    _need(v == "" or (isinstance(v, str) and bool(_INSTALL_ID.match(v))))
    return str(v)


def _party(h: dict[str, Any], key: str) -> dict[str, Any]:
    p = h.get(key)
    _need(isinstance(p, dict))
    assert isinstance(p, dict)
    _need(valid_install_code(p.get("install")))
    return p


_HEAD_TAG = "lindungi-chain-head-1"


def _position(v: Any) -> tuple[int, str] | None:
    """A (count, hash) pair, or None when absent."""
    if v is None:
        return None
    _need(isinstance(v, dict))
    assert isinstance(v, dict)
    count, digest = _int(v, "count"), v.get("hash")
    _need(isinstance(digest, str) and bool(_SHA.match(digest)))
    return count, str(digest)


@dataclass(frozen=True)
class ChainHead:
    """An install's audit chain head (entries and newest hash), signed with its key."""

    install: str
    count: int
    hash: str
    at: dt.datetime
    signature: str = ""  # Ed25519 over :meth:`message`, hex

    def message(self) -> bytes:
        """The bytes signed."""
        at = self.at.isoformat(timespec="seconds")
        return "\x1f".join([_HEAD_TAG, self.install, str(self.count), self.hash, at]).encode()

    def to_json(self) -> dict[str, Any]:
        """As JSON values (a header, a file, a setting)."""
        return {
            "install": self.install,
            "count": self.count,
            "hash": self.hash,
            "at": self.at.isoformat(timespec="seconds"),
            "signature": self.signature,
        }

    @classmethod
    def from_json(cls, h: Any) -> ChainHead:
        """Read and check a head.

        Raises:
            FormatError: ``header``.
        """
        _need(isinstance(h, dict))
        assert isinstance(h, dict)
        _need(valid_install_code(h.get("install")))
        digest, signature = h.get("hash"), h.get("signature")
        _need(isinstance(digest, str) and bool(_SHA.match(digest)))
        _need(isinstance(signature, str) and bool(re.match(r"^[0-9a-f]{128}$", signature)))
        return cls(
            str(h["install"]),
            _int(h, "count"),
            str(digest),
            _when(h, "at"),
            str(signature),
        )


def _chain_header(
    head: ChainHead | None, key: str, other: tuple[int, str] | None
) -> dict[str, Any]:
    if head is None:
        return {}
    out = head.to_json()
    if other is not None:
        out[key] = {"count": other[0], "hash": other[1]}
    return {"chain": out}


def _chain_of(h: dict[str, Any], key: str) -> tuple[ChainHead | None, tuple[int, str] | None]:
    raw = h.get("chain")
    if raw is None:
        return None, None
    head = ChainHead.from_json(raw)
    return head, _position(raw.get(key))


@dataclass(frozen=True)
class BundleManifest:
    """What a bundle's header says."""

    sender: str  # 130306-A
    regency: str  # 13.03
    kecamatan: str  # 13.03.06
    recipient: str  # 130300-K
    sequence: int
    previous: str  # sha256 (hex) of the sender's previous bundle, "" for the first
    acked_upto: int  # the sender's highest bundle acknowledged by a receipt when it wrote this
    created_at: dt.datetime
    app_version: str
    counts: dict[str, int] = field(default_factory=dict)
    install_id: str = ""  # the sending install's random id ("" in a version-1 file)
    chain: ChainHead | None = None  # the office's signed head (None: no chain, first use)
    seen: tuple[int, str] | None = None  # the kabupaten's head the office holds

    def to_header(self) -> dict[str, Any]:
        """The header fields of this manifest."""
        sender = {"install": self.sender, "regency": self.regency, "kecamatan": self.kecamatan}
        if self.install_id:
            sender["install_id"] = self.install_id
        return {
            "kind": "bundle",
            "app_version": self.app_version,
            "sender": sender,
            "recipient": {"install": self.recipient},
            "sequence": self.sequence,
            "previous": self.previous,
            "acked_upto": self.acked_upto,
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "counts": self.counts,
        } | _chain_header(self.chain, "seen", self.seen)

    @classmethod
    def from_header(cls, h: dict[str, Any]) -> BundleManifest:
        """Read and check a bundle header.

        Raises:
            FormatError: ``header``.
        """
        _need(h.get("kind") == "bundle")
        sender = _party(h, "sender")
        recipient = _party(h, "recipient")
        regency, kecamatan = sender.get("regency"), sender.get("kecamatan")
        _need(isinstance(regency, str) and bool(_REGION.match(regency)))
        _need(isinstance(kecamatan, str) and bool(_REGION.match(kecamatan)))
        previous = _str(h, "previous")
        _need(previous == "" or bool(_SHA.match(previous)))
        seq = _int(h, "sequence")
        _need(seq >= 1)
        chain, seen = _chain_of(h, "seen")
        return cls(
            sender=sender["install"],
            regency=str(regency),
            kecamatan=str(kecamatan),
            recipient=recipient["install"],
            sequence=seq,
            previous=previous,
            acked_upto=_int(h, "acked_upto"),
            created_at=_when(h, "created_at"),
            app_version=_str(h, "app_version", 32),
            counts=_counts(h),
            install_id=_install_id(sender),
            chain=chain,
            seen=seen,
        )


@dataclass(frozen=True)
class ReceiptManifest:
    """What a receipt's header says."""

    sender: str  # the kabupaten, 130300-K
    regency: str
    recipient: str  # the station, 130306-A
    sequence: int  # receipts to this station, numbered
    bundle_sequence: int  # the bundle it answers, 0 for one made on demand
    bundle_sha256: str
    created_at: dt.datetime
    app_version: str
    counts: dict[str, int] = field(default_factory=dict)
    install_id: str = ""  # the kabupaten's install id ("" in a version-1 file)
    # What the kabupaten knows of the station: the install id its bundles carried and its
    # highest registration number in the register (a clone of the station shows there).
    station_install_id: str = ""
    station_last_reg: int = 0
    chain: ChainHead | None = None  # the kabupaten's signed head
    acked: tuple[int, str] | None = None  # the station's head the kabupaten holds

    def to_header(self) -> dict[str, Any]:
        """The header fields of this manifest."""
        sender = {"install": self.sender, "regency": self.regency}
        if self.install_id:
            sender["install_id"] = self.install_id
        head: dict[str, Any] = {
            "kind": "receipt",
            "app_version": self.app_version,
            "sender": sender,
            "recipient": {"install": self.recipient},
            "sequence": self.sequence,
            "bundle": {"sequence": self.bundle_sequence, "sha256": self.bundle_sha256},
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "counts": self.counts,
        }
        if self.station_install_id or self.station_last_reg:
            head["station"] = {
                "install_id": self.station_install_id,
                "last_reg": self.station_last_reg,
            }
        return head | _chain_header(self.chain, "acked", self.acked)

    @classmethod
    def from_header(cls, h: dict[str, Any]) -> ReceiptManifest:
        """Read and check a receipt header.

        Raises:
            FormatError: ``header``.
        """
        _need(h.get("kind") == "receipt")
        sender = _party(h, "sender")
        recipient = _party(h, "recipient")
        regency = sender.get("regency")
        _need(isinstance(regency, str) and bool(_REGION.match(regency)))
        bundle = h.get("bundle")
        _need(isinstance(bundle, dict))
        assert isinstance(bundle, dict)
        bseq, bsha = bundle.get("sequence"), bundle.get("sha256")
        _need(isinstance(bseq, int) and not isinstance(bseq, bool) and bseq >= 0)
        _need(isinstance(bsha, str) and (bsha == "" or bool(_SHA.match(bsha))))
        seq = _int(h, "sequence")
        _need(seq >= 1)
        station = h.get("station", {})
        _need(isinstance(station, dict))
        assert isinstance(station, dict)
        last_reg = station.get("last_reg", 0)
        _need(isinstance(last_reg, int) and not isinstance(last_reg, bool) and last_reg >= 0)
        chain, acked = _chain_of(h, "acked")
        return cls(
            sender=sender["install"],
            regency=str(regency),
            recipient=recipient["install"],
            sequence=seq,
            bundle_sequence=int(bseq),  # type: ignore[arg-type]
            bundle_sha256=str(bsha),
            created_at=_when(h, "created_at"),
            app_version=_str(h, "app_version", 32),
            counts=_counts(h),
            install_id=_install_id(sender),
            station_install_id=_install_id(station),
            station_last_reg=int(last_reg),
            chain=chain,
            acked=acked,
        )


@dataclass(frozen=True)
class EnrolManifest:
    """What an enrolment file's header says."""

    sender: str  # the kabupaten
    regency: str
    install: str  # the station enrolled, 130306-A
    kecamatan: str
    station: str
    issued_at: dt.datetime
    app_version: str

    def to_header(self) -> dict[str, Any]:
        """The header fields of this manifest."""
        return {
            "kind": "enrolment",
            "app_version": self.app_version,
            "sender": {"install": self.sender, "regency": self.regency},
            "install": {
                "install": self.install,
                "kecamatan": self.kecamatan,
                "station": self.station,
            },
            "issued_at": self.issued_at.isoformat(timespec="seconds"),
        }

    @classmethod
    def from_header(cls, h: dict[str, Any]) -> EnrolManifest:
        """Read and check an enrolment header.

        Raises:
            FormatError: ``header``.
        """
        _need(h.get("kind") == "enrolment")
        sender = _party(h, "sender")
        install = _party(h, "install")
        regency, kecamatan = sender.get("regency"), install.get("kecamatan")
        _need(isinstance(regency, str) and bool(_REGION.match(regency)))
        _need(isinstance(kecamatan, str) and bool(_REGION.match(kecamatan)))
        station = install.get("station")
        _need(isinstance(station, str) and len(station) == 1)
        return cls(
            sender=sender["install"],
            regency=str(regency),
            install=install["install"],
            kecamatan=str(kecamatan),
            station=str(station),
            issued_at=_when(h, "issued_at"),
            app_version=_str(h, "app_version", 32),
        )
