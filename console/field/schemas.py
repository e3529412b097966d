"""Response shapes for the OpenAPI description (the answers themselves are plain dicts)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class ErrorModel(BaseModel):
    code: int
    description: str


class ServiceModel(BaseModel):
    service_code: str
    service_name: str
    description: str
    metadata: bool
    type: str
    keywords: str
    group: str


class AttributeValueModel(BaseModel):
    key: str
    name: str


class AttributeModel(BaseModel):
    variable: bool
    code: str
    datatype: str
    required: bool
    datatype_description: str
    order: int
    description: str
    values: list[AttributeValueModel]


class ServiceDefinitionModel(BaseModel):
    service_code: str
    attributes: list[AttributeModel]


class ServiceRequestModel(BaseModel):
    service_request_id: str
    status: str
    status_notes: str
    service_name: str
    service_code: str
    description: str
    agency_responsible: str
    service_notice: str
    requested_datetime: str | None
    updated_datetime: str | None
    expected_datetime: str | None
    address: str
    address_id: str
    zipcode: str
    lat: float | None
    long: float | None
    media_url: str


class TokenModel(BaseModel):
    token: str
    service_request_id: str


class PostResultModel(BaseModel):
    service_request_id: str
    token: str
    service_notice: str
    account_id: str | None


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": list[ErrorModel], "description": text}
    for code, text in (
        (400, "invalid input (Open311 error list)"),
        (401, "missing, invalid or revoked api_key"),
        (403, "the holder's roles do not allow it"),
        (404, "no such service, request or token"),
        (409, "the case changed state meanwhile"),
        (413, "request too large"),
        (429, "too many requests from this terminal"),
        (503, "database unavailable"),
    )
}
