"""A terminal's side of the API: multipart POSTs over one kept-alive connection.

Plain http.client, so the simulated terminal and the load benchmark need nothing beyond
the standard library. One client per thread (a connection is not shared).
"""

from __future__ import annotations

import http.client
import json
import secrets
import time
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

API_PREFIX = "/open311/v2"


@dataclass(frozen=True)
class Reply:
    status: int
    body: Any  # parsed JSON (a list) or None
    seconds: float
    retry_after: float = 0.0


def multipart(
    fields: dict[str, str], files: Sequence[tuple[str, str, bytes, str]]
) -> tuple[bytes, str]:
    """(body, content type) of a multipart/form-data request."""
    boundary = "----sanwang" + secrets.token_hex(12)
    parts: list[bytes] = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + value.encode()
            + b"\r\n"
        )
    for name, filename, data, mime in files:
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}";'
            f' filename="{filename}"\r\nContent-Type: {mime}\r\n\r\n'
        )
        parts.append(head.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class TerminalClient:
    def __init__(self, base_url: str, api_key: str, *, timeout: float = 30.0) -> None:
        url = urllib.parse.urlsplit(base_url)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise ValueError(f"not an http URL: {base_url}")
        self.host = url.hostname
        self.port = url.port or (443 if url.scheme == "https" else 80)
        self.https = url.scheme == "https"
        self.prefix = url.path.rstrip("/") or API_PREFIX
        self.api_key = api_key
        self.timeout = timeout
        self._conn: http.client.HTTPConnection | None = None

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            kind = http.client.HTTPSConnection if self.https else http.client.HTTPConnection
            self._conn = kind(self.host, self.port, timeout=self.timeout)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _send(self, method: str, path: str, body: bytes | None, headers: dict[str, str]) -> Reply:
        started = time.perf_counter()
        conn = self._connection()
        try:
            conn.request(method, self.prefix + path, body=body, headers=headers)
            response = conn.getresponse()
            raw = response.read()
        except (OSError, http.client.HTTPException):
            # The server closed a kept-alive connection, or it is down: the caller retries.
            self.close()
            raise
        seconds = time.perf_counter() - started
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = None
        retry = response.getheader("Retry-After")
        return Reply(response.status, parsed, seconds, float(retry) if retry else 0.0)

    def get(self, path: str, **params: str) -> Reply:
        query = urllib.parse.urlencode({"api_key": self.api_key, **params})
        return self._send("GET", f"{path}?{query}", None, {})

    def post(
        self, path: str, fields: dict[str, str], files: Sequence[tuple[str, str, bytes, str]] = ()
    ) -> Reply:
        body, content_type = multipart({"api_key": self.api_key, **fields}, files)
        return self._send("POST", path, body, {"Content-Type": content_type})

    def report(
        self, fields: dict[str, str], files: Sequence[tuple[str, str, bytes, str]] = ()
    ) -> Reply:
        return self.post("/requests.json", fields, files)

    def check(
        self,
        number: str,
        result: str,
        note: str = "",
        files: Sequence[tuple[str, str, bytes, str]] = (),
        device_ref: str | None = None,
    ) -> Reply:
        fields = {"result": result, "note": note}
        if device_ref:
            fields["device_ref"] = device_ref
        return self.post(f"/requests/{urllib.parse.quote(number)}/checks.json", fields, files)
