"""Where receipt files live. Files are content-addressed: the key is the SHA-256 of the bytes."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Protocol

import anyio.to_thread

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class ReceiptStorage(Protocol):
    async def put(self, sha256: str, data: bytes) -> None: ...

    async def get(self, sha256: str) -> bytes: ...


class LocalDirectoryStorage:
    """Files under ``root/ab/cd/<sha256>``; writes are atomic (temporary file, then rename)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, sha256: str) -> Path:
        if not _SHA256.match(sha256):
            raise ValueError("not a SHA-256 hex digest")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def _put(self, sha256: str, data: bytes) -> None:
        path = self._path(sha256)
        if path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    async def put(self, sha256: str, data: bytes) -> None:
        await anyio.to_thread.run_sync(self._put, sha256, data)

    async def get(self, sha256: str) -> bytes:
        return await anyio.to_thread.run_sync(self._path(sha256).read_bytes)
