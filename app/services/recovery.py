"""The recovery key of an install, printed once as the sheet "Kunci pemulihan".

The key unwraps the register's key like a password does (app.services.vault). It is made at
setup, shown only on the sheet (never stored in the clear, never in the history), and
``lindungi recover --recovery-key-file F`` gives an administrator a new password with it.
Making a new sheet makes the old one useless.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.domain.fmt import format_date
from app.errors import AppError
from app.i18n import render
from app.reports import recovery_sheet
from app.services import vault
from app.services.actor import Actor, Role
from app.services.context import Context
from app.store import repo
from app.store.files import make_private

SHEET_NAME = "kunci-pemulihan-{code}.pdf"


def default_sheet_path(ctx: Context, folder: Path) -> Path:
    """``kunci-pemulihan-130306-A.pdf`` in ``folder``."""
    return folder / SHEET_NAME.format(code=ctx.identity.install_code)


def make_sheet(ctx: Context, actor: Actor, out: Path, now: dt.datetime | None = None) -> Path:
    """A new recovery key, drawn on the sheet written to ``out`` (owner-only).

    Raises:
        Refused: not an administrator.
        AppError: the register is not encrypted (nothing to recover).
        StorageError: the sheet cannot be written.
    """
    actor.require(Role.ADMIN)
    if ctx.db.key is None:
        raise AppError("setup.needed", path=str(ctx.data_dir))
    now = now or dt.datetime.now()
    ident = ctx.identity
    region = ctx.regions.get(ident.kecamatan or ident.regency)
    place = f"{region.name} ({ident.install_code})" if region else ident.install_code
    text = vault.make_recovery(ctx.data_dir, ctx.db.key)
    sheet = recovery_sheet.RecoverySheet(
        title=render("recovery.sheet_title"),
        install=render("recovery.sheet_install", place=place, path=str(ctx.data_dir)),
        made=render("recovery.sheet_made", when=f"{format_date(now.date())} {now:%H:%M}"),
        key=text,
        warning=render("recovery.sheet_warning"),
        steps=[render("recovery.sheet_step1"), render("recovery.sheet_step2")],
        keep=render("recovery.sheet_keep"),
        footer=render("recovery.sheet_footer"),
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        recovery_sheet.write(sheet, out)
    except OSError as exc:
        from app.errors import OsReason, StorageError

        raise StorageError("file.unwritable", path=str(out), reason=OsReason(exc)) from exc
    make_private(out)
    with ctx.db.session() as s:
        repo.add_history(
            s,
            at=now,
            actor=actor.username,
            install_code=ident.install_code,
            entity="install",
            entity_id=ident.install_code,
            action="recovery_key",
            changes={"sheet": out.name},
        )
    return out
