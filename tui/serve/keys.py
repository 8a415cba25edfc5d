"""The server's host key (made once, kept private) and the visitors' public keys."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import asyncssh

from tui.platform.state import state_dir
from tui.serve.options import OptionError

HOST_KEY_NAME = "ssh_host_ed25519_key"


def serve_dir() -> Path:
    """`brief serve`'s part of brief's state folder: the host key and the visitors' states."""
    return state_dir() / "serve"


def host_key(path: Path | None = None) -> tuple[asyncssh.SSHKey, Path]:
    """The host key at `path` (default: in brief's state folder), generated the first time."""
    path = path or serve_dir() / HOST_KEY_NAME
    if not path.exists():
        _create(path)
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        # As OpenSSH does: a key others can read is not a secret any more.
        raise OptionError(f"{path}: the host key can be read by others (chmod 600 {path})")
    try:
        return asyncssh.read_private_key(path), path
    except (OSError, asyncssh.KeyImportError) as error:
        raise OptionError(f"{path}: not a usable host key ({error})") from None


def _create(path: Path) -> None:
    """A new Ed25519 key, written with mode 0600 from the start (never readable by others, even briefly)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = asyncssh.generate_private_key("ssh-ed25519", comment="brief serve")
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return  # another `brief serve` made it meanwhile: use that one
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(key.export_private_key())


def fingerprint(key: asyncssh.SSHKey) -> str:
    """`SHA256:…`, as `ssh-keygen -l` and the ssh client show it."""
    return key.get_fingerprint("sha256")


def visitor_folder(fingerprint_text: str) -> str:
    """A file name for a key's fingerprint: base64 without `/` and `+`, so never a path."""
    digest = fingerprint_text.removeprefix("SHA256:")
    return "key-" + digest.replace("/", "_").replace("+", "-").rstrip("=")


def authorized_keys(path: Path) -> asyncssh.SSHAuthorizedKeys:
    """The public keys allowed in (OpenSSH's authorized_keys format, `from=` options honoured)."""
    try:
        return asyncssh.read_authorized_keys(str(path))
    except OSError as error:
        raise OptionError(f"{path}: cannot read it ({error.strerror or error})") from None
    except ValueError as error:
        raise OptionError(f"{path}: no public key in it ({error})") from None
