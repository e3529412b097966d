"""Answers in the format the path asked for (.json or .xml), errors as Open311 lists."""

from __future__ import annotations

import enum
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from console import messages
from console.field.xml_out import to_xml

XML_TYPE = "application/xml; charset=utf-8"

messages.register(
    {
        "field.rate_limited": (
            "该终端请求过于频繁，请 {seconds} 秒后重试",
            "Too many requests from this terminal; try again in {seconds} s",
        ),
        "field.unknown_service": (
            "没有代码为 {service_code} 的服务类别",
            "No service {service_code}",
        ),
        "field.unknown_token": ("没有令牌 {token}", "No token {token}"),
    }
)


class Format(enum.StrEnum):
    json = "json"
    xml = "xml"


def language_of(request: Request, default: str) -> str:
    """en for a terminal that prefers English (Accept-Language), else the default."""
    accepted = request.headers.get("accept-language", "").strip().lower()
    if accepted.startswith("en"):
        return "en"
    if accepted.startswith("zh"):
        return "zh_CN"
    return default


def render(fmt: Format, root: str, items: Any, status: int = 200) -> Response:
    if fmt is Format.xml:
        return Response(to_xml(root, items), status_code=status, media_type=XML_TYPE)
    return JSONResponse(items, status_code=status)


def errors_response(
    request: Request, status: int, description: str, headers: dict[str, str] | None = None
) -> Response:
    """[{code, description}] in the path's format (JSON unless it ends in .xml)."""
    response = errors_for_path(request.url.path, status, description)
    response.headers.update(headers or {})
    return response


def errors_for_path(path: str, status: int, description: str) -> Response:
    fmt = Format.xml if path.endswith(".xml") else Format.json
    return render(fmt, "errors", [{"code": status, "description": description}], status)
