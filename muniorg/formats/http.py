"""Bounded HTTP reads: what muniorg fetches (only where a user asked for it) cannot take longer
than a deadline or more memory than a limit.

Example:
    >>> import io
    >>> class Response(io.BytesIO):
    ...     def __enter__(self): return self
    ...     def __exit__(self, *exc): self.close()
    >>> class Opener:
    ...     def open(self, request, timeout): return Response(b"x" * 10)
    >>> read_bounded(Opener(), "http://127.0.0.1/", timeout=5, max_bytes=100)
    b'xxxxxxxxxx'
    >>> len(read_bounded(Opener(), "http://127.0.0.1/", timeout=5, max_bytes=4))  # one byte more
    5
"""

from __future__ import annotations

import time
import urllib.request
from typing import Any


def read_bounded(
    opener: Any, request: urllib.request.Request | str, *, timeout: float, max_bytes: int
) -> bytes:
    """The body of ``request`` opened with ``opener``: at most ``max_bytes`` + 1 bytes (more
    than ``max_bytes`` means the answer is too large), read within ``timeout`` seconds.

    The socket timeout bounds each read; the deadline bounds them all, so a server that trickles
    bytes cannot hold muniorg for long.

    :raises TimeoutError: when the whole answer has not come within ``timeout`` seconds.
    :raises urllib.error.URLError: (and ``OSError``) when the server cannot be reached or answers
        with an HTTP error.
    """
    deadline = time.monotonic() + timeout
    with opener.open(request, timeout=timeout) as response:
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no complete answer within {timeout:g} s")
            chunk = response.read1(min(65536, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
