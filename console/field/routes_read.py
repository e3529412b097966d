"""GET methods: services, one service's attributes, requests, one request, tokens, photos."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from console.errors import InputError
from console.field import inputs, open311
from console.field.responses import Format, language_of, render
from console.field.schemas import (
    ERRORS,
    ServiceDefinitionModel,
    ServiceModel,
    ServiceRequestModel,
    TokenModel,
)
from console.field.service import FieldService, client_of, service_of
from console.services import terminals_reads, terminals_reports

router = APIRouter()
Service = Annotated[FieldService, Depends(service_of)]
Client = Annotated[str, Depends(client_of)]
Jurisdiction = Annotated[str | None, Query(description="this service's jurisdiction id")]
ApiKey = Annotated[str | None, Query(description="the terminal's key")]


def media_base(request: Request) -> str:
    return str(request.url_for("photo", sha256="x")).rsplit("/", 1)[0]


@router.get(
    "/services.{fmt}",
    responses={200: {"model": list[ServiceModel]}, **ERRORS},
    summary="Service list: the categories a report can be filed under",
)
def service_list(
    request: Request, fmt: Format, service: Service, jurisdiction_id: Jurisdiction = None
) -> Response:
    inputs.jurisdiction(jurisdiction_id, service.jurisdiction_id)
    language = language_of(request, service.language)
    with service.store.read() as session:
        rows = terminals_reads.services(session)
    return render(fmt, "services", [open311.service(r, language) for r in rows])


@router.get(
    "/services/{service_code}.{fmt}",
    responses={200: {"model": ServiceDefinitionModel}, **ERRORS},
    summary="Service definition: the attributes a report may carry",
)
def service_definition(
    request: Request,
    service_code: str,
    fmt: Format,
    service: Service,
    jurisdiction_id: Jurisdiction = None,
) -> Response:
    inputs.jurisdiction(jurisdiction_id, service.jurisdiction_id)
    code = inputs.text(service_code, "service_code", limit=8)
    language = language_of(request, service.language)
    with service.store.read() as session:
        rows = terminals_reads.services(session, code)
    if not rows:
        raise InputError("field.unknown_service", service_code=code)
    return render(fmt, "service_definition", open311.definition(rows[0], language))


@router.get(
    "/requests.{fmt}",
    responses={200: {"model": list[ServiceRequestModel]}, **ERRORS},
    summary="Service requests, newest first (at most 1000; the last 90 days by default)",
)
def request_list(
    request: Request,
    fmt: Format,
    service: Service,
    client: Client,
    api_key: ApiKey = None,
    jurisdiction_id: Jurisdiction = None,
    service_request_id: Annotated[str | None, Query(description="comma-separated ids")] = None,
    service_code: Annotated[str | None, Query(description="comma-separated codes")] = None,
    start_date: Annotated[str | None, Query(description="ISO 8601")] = None,
    end_date: Annotated[str | None, Query(description="ISO 8601")] = None,
    status: Annotated[str | None, Query(description="open or closed")] = None,
) -> Response:
    inputs.jurisdiction(jurisdiction_id, service.jurisdiction_id)
    numbers = inputs.id_list(service_request_id, "service_request_id")
    codes = inputs.text(service_code, "service_code").strip() or None
    start = inputs.when(start_date, "start_date", service.zone)
    end = inputs.when(end_date, "end_date", service.zone)
    wanted = inputs.status(status)
    service.identify(api_key, client)
    language = language_of(request, service.language)
    with service.store.read() as session:
        rows = terminals_reads.requests(
            session, numbers=numbers, service_code=codes, start=start, end=end, status=wanted
        )
    base = media_base(request)
    items = [open311.request(r, language, service.zone, base) for r in rows]
    return render(fmt, "service_requests", items)


@router.get(
    "/requests/{service_request_id}.{fmt}",
    responses={200: {"model": list[ServiceRequestModel]}, **ERRORS},
    summary="One service request (a list of one, as Open311 has it)",
)
def request_one(
    request: Request,
    service_request_id: str,
    fmt: Format,
    service: Service,
    client: Client,
    api_key: ApiKey = None,
    jurisdiction_id: Jurisdiction = None,
) -> Response:
    inputs.jurisdiction(jurisdiction_id, service.jurisdiction_id)
    number = inputs.text(service_request_id, "service_request_id", limit=64)
    service.identify(api_key, client)
    language = language_of(request, service.language)
    with service.store.read() as session:
        rows = terminals_reads.requests(session, numbers=[number])
    if not rows:
        raise InputError("field.unknown_request", number=number)
    base = media_base(request)
    return render(fmt, "service_requests", [open311.request(rows[0], language, service.zone, base)])


@router.get(
    "/tokens/{token}.{fmt}",
    responses={200: {"model": list[TokenModel]}, **ERRORS},
    summary="The service request a submission token stands for",
)
def token(
    token: str,
    fmt: Format,
    service: Service,
    client: Client,
    api_key: ApiKey = None,
    jurisdiction_id: Jurisdiction = None,
) -> Response:
    inputs.jurisdiction(jurisdiction_id, service.jurisdiction_id)
    value = inputs.text(token, "token", limit=64)
    service.identify(api_key, client)
    with service.store.read() as session:
        number = terminals_reports.token_request(session, value)
    if number is None:
        raise InputError("field.unknown_token", token=value)
    return render(fmt, "service_requests", [{"token": value, "service_request_id": number}])


@router.get(
    "/media/{sha256}",
    name="photo",
    responses={200: {"content": {"image/jpeg": {}, "image/png": {}}}, **ERRORS},
    summary="A photo attached to a request (media_url points here)",
)
def photo(sha256: str, service: Service, client: Client, api_key: ApiKey = None) -> Response:
    digest = inputs.text(sha256, "sha256", limit=64)
    service.identify(api_key, client)
    with service.store.read() as session:
        found = terminals_reads.photo(session, digest)
    if found is None:
        raise InputError("field.unknown_request", number=digest)
    mime, data = found
    return Response(data, media_type=mime)
