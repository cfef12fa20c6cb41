"""Signing in on the command line, as in the GUI: every command that reads or changes a
register acts as a named account.

The account comes from ``--user NAME`` or ``LINDUNGI_USER``; its password from
``--password-file FILE`` (the first line), ``LINDUNGI_PASSWORD``, or a prompt without echo
when a terminal is attached. The check is :func:`app.services.accounts.login`, so a wrong
password counts toward the same lockout as in the GUI and lands in the same history.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from app.cli.common import err, first_line, read_password
from app.errors import InvalidInput, Refused
from app.i18n import render, tr
from app.services import accounts
from app.services.actor import Actor, Role
from app.services.context import Context

USER_ENV = "LINDUNGI_USER"
PASSWORD_ENV = "LINDUNGI_PASSWORD"  # noqa: S105  (a variable name, not a password)


def account_name(args: argparse.Namespace) -> str:
    """The account named by ``--user`` or ``LINDUNGI_USER`` ("" when neither)."""
    return str(getattr(args, "user", None) or os.environ.get(USER_ENV, "")).strip().lower()


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def password(args: argparse.Namespace, name: str) -> str:
    """The sign-in password: ``--password-file``, then ``LINDUNGI_PASSWORD``, then asked.

    Raises:
        Refused: ``signin.password_needed`` without a file, variable or terminal.
    """
    path = getattr(args, "signin_password_file", None)
    if path:
        return first_line(path)
    env = os.environ.get(PASSWORD_ENV)
    if env:
        return env
    if _interactive():
        return getpass.getpass(tr("Password of {name}: ", name=name))
    raise Refused("signin.password_needed", name=name)


def _changing_own_password(args: argparse.Namespace) -> bool:
    return args.command == "user" and getattr(args, "user_command", None) == "passwd"


def sign_in(args: argparse.Namespace, ctx: Context) -> Actor:
    """The account that signed in for this command.

    Raises:
        Refused: no account named (``signin.user_needed``), no password to be had, a wrong
            name or password, a locked account, or a password reset by an administrator
            that must be changed first (only ``user passwd`` may run then).
    """
    name = account_name_or_ask(args)
    secret = password(args, name)
    actor = accounts.login(ctx, name, secret)
    _after_sign_in(args, ctx, actor, secret)
    return actor


def sign_in_first(args: argparse.Namespace, path: Path) -> Context:
    """Sign in to the register of ``path`` (which only a sign-in opens; a plaintext one of
    an earlier release is encrypted on the way) and return it opened; the account is kept
    as ``args.actor``.

    Raises:
        Refused: as :func:`sign_in`.
    """
    name = account_name_or_ask(args)
    secret = password(args, name)
    ctx, actor = accounts.sign_in(path, name, secret)
    try:
        _after_sign_in(args, ctx, actor, secret)
    except BaseException:
        ctx.close()
        raise
    args.actor = actor
    waiting = accounts.waiting_for_reset(ctx)
    if waiting and actor.role is Role.ADMIN:
        err(tr("Warning") + ": " + render("signin.waiting_reset", names=", ".join(waiting)))
    return ctx


def account_name_or_ask(args: argparse.Namespace) -> str:
    """The account that signs in: ``--user``, ``LINDUNGI_USER``, or asked at a terminal.

    Raises:
        Refused: ``signin.user_needed`` without any.
    """
    name = account_name(args)
    if not name:
        if not _interactive():
            raise Refused("signin.user_needed")
        name = input(tr("User name: ")).strip().lower()
        if not name:
            raise Refused("signin.user_needed")
    return name


def _after_sign_in(args: argparse.Namespace, ctx: Context, actor: Actor, secret: str) -> None:
    if _changing_own_password(args):
        args.signed_in_with = secret  # proves the current password to the change
    elif accounts.must_change(ctx, actor.username):
        raise Refused("signin.must_change", name=actor.username)


def _adding_first_admin(args: argparse.Namespace) -> bool:
    return (
        args.command == "user"
        and getattr(args, "user_command", None) == "add"
        and getattr(args, "role", None) == "admin"
    )


def sign_in_or_first_admin(args: argparse.Namespace, ctx: Context) -> Actor | None:
    """:func:`sign_in`; on a data dir without an administrator, None for ``user add --role
    admin`` (which creates the first one, as the GUI's first run does).

    Raises:
        Refused: ``signin.no_admin`` for any other command there; else as :func:`sign_in`.
    """
    if not accounts.has_admin(ctx):
        if _adding_first_admin(args):
            return None
        raise Refused("signin.no_admin")
    return sign_in(args, ctx)


def first_admin_credentials(args: argparse.Namespace) -> tuple[Actor, str]:
    """The first administrator that ``setup`` creates: ``--admin`` or else ``--user``, the
    password from ``setup --password-file``, the sign-in password file, LINDUNGI_PASSWORD,
    or typed twice at the terminal; checked before anything is written.

    Raises:
        InvalidInput: no name (``setup.admin_needed``), or a name or password that breaks
            the rules.
    """
    from app.services.actor import Role

    name = (args.admin or account_name(args)).strip().lower()
    if not name:
        raise InvalidInput("setup.admin_needed")
    file = args.password_file or getattr(args, "signin_password_file", None)
    env = os.environ.get(PASSWORD_ENV)
    password = env if env and not file else read_password(file)
    return Actor(accounts.validate_new(name, password), Role.ADMIN), password
