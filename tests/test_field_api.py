"""The Open311 API end to end: reports, photos, retries, reads, checks, keys and limits."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select
from starlette.testclient import TestClient

from console.field.ratelimit import RateLimiter
from console.field.service import FAILED_KEYS_BURST, FAILED_KEYS_PER_MINUTE
from console.field.simulation import photo
from console.models import Attachment, AuditLog, Case, FieldSubmission, FieldTerminal
from console.services import terminals, workflow
from console.store import Store
from tests.support.field_world import ADMIN, BASE, FieldWorld, jpeg, make_field_world, to_check
from tests.support.workflow_seed import PNG, POINTS

ZONE = dt.timezone(dt.timedelta(hours=8))


@pytest.fixture
def fw(store: Store) -> Iterator[FieldWorld]:
    yield from make_field_world(store)


def _count(store: Store, model: type) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _post(fw: FieldWorld, fmt: str = "json", files: list[Any] | None = None, **fields: str) -> Any:
    """POST a report (the world's default form, with changes); the test client's reply."""
    return fw.client.post(f"{BASE}/requests.{fmt}", data=fw.report_form(**fields), files=files)


def test_services_list_and_definition_in_json_and_xml(fw: FieldWorld) -> None:
    listed = fw.client.get(f"{BASE}/services.json")
    assert listed.status_code == 200
    codes = [s["service_code"] for s in listed.json()]
    assert codes == ["0101", "0102"]  # the inactive 0103 and the class row are not offered
    english = fw.client.get(f"{BASE}/services.xml", headers={"Accept-Language": "en"})
    root = ET.fromstring(english.content)
    assert root.tag == "services" and len(root.findall("service")) == 2
    assert english.headers["content-type"].startswith("application/xml")
    one = fw.client.get(f"{BASE}/services/0102.json").json()
    assert [a["code"] for a in one["attributes"]] == ["self_handled", "urgency"]
    assert fw.client.get(f"{BASE}/services/9999.json").status_code == 404


def test_report_with_photo_keeps_its_gps_and_time(fw: FieldWorld) -> None:
    taken = dt.datetime.now(ZONE).replace(microsecond=0) - dt.timedelta(minutes=3)
    lon, lat = POINTS["A2"]
    picture = photo(lon, lat, taken)
    reply = _post(fw, files=[("media", ("near.jpg", picture, "image/jpeg"))], device_ref="r-1")
    assert reply.status_code == 201, reply.text
    answer = reply.json()[0]
    assert answer["service_request_id"].startswith("AJ") and answer["token"]
    with fw.store.read() as session:
        case = session.scalars(select(Case)).one()
        stored = session.scalars(select(Attachment)).one()
        submission = session.scalars(select(FieldSubmission)).one()
        terminal = session.get(FieldTerminal, fw.terminal_ids["T-1"])
    assert case.source == "inspector" and case.state == "to_open"
    assert case.reporter_user_id == fw.world.actors["insp"].user_id
    assert stored.kind == "near" and stored.mime == "image/jpeg"
    assert stored.taken_at == taken
    assert stored.lon == pytest.approx(lon, abs=1e-5) and stored.lat == pytest.approx(lat, abs=1e-5)
    assert submission.token == answer["token"] and submission.device_ref == "r-1"
    assert terminal is not None and terminal.last_seen_at is not None


def test_photo_without_exif_takes_the_reports_place_and_time(fw: FieldWorld) -> None:
    seen = (dt.datetime.now(ZONE) - dt.timedelta(hours=1)).replace(microsecond=0)
    files = [("media", ("a.jpg", jpeg(), "image/jpeg"))]
    reply = _post(fw, files=files, requested_datetime=seen.isoformat())
    assert reply.status_code == 201, reply.text
    with fw.store.read() as session:
        case = session.scalars(select(Case)).one()
        stored = session.scalars(select(Attachment)).one()
    assert case.reported_at == seen and stored.taken_at == seen
    assert (stored.lon, stored.lat) == POINTS["A1"]


def test_a_retry_returns_the_first_case_and_writes_nothing(fw: FieldWorld) -> None:
    first = _post(fw, device_ref="same")
    again = _post(fw, device_ref="same")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == again.json()
    assert _count(fw.store, Case) == 1
    # Another terminal may use the same reference for its own report.
    other = _post(fw, code="T-2", device_ref="same")
    assert other.status_code == 201 and _count(fw.store, Case) == 2


def test_refused_reports_leave_no_trace(fw: FieldWorld) -> None:
    before = (_count(fw.store, Case), _count(fw.store, AuditLog))
    cases = [
        {"service_code": "0103"},  # inactive category
        {"lat": "10.0", "long": "100.0"},  # outside the street
        {"description": " "},
        {"requested_datetime": "2026-01-01T08:00:00"},  # no zone
        {"attribute[self_handled]": "maybe"},
        {"device_id": "T-2"},  # not this key's terminal
        {"jurisdiction_id": "elsewhere"},
    ]
    for changes in cases:
        reply = _post(fw, **changes)
        assert reply.status_code in (400, 404), (changes, reply.text)
        assert reply.json()[0]["code"] == reply.status_code
    bad_file = _post(fw, files=[("media", ("x.jpg", b"GIF89a....", "image/jpeg"))])
    assert bad_file.status_code == 400
    missing_after = _post(fw, **{"attribute[self_handled]": "true"})
    assert missing_after.status_code == 400
    assert (_count(fw.store, Case), _count(fw.store, AuditLog)) == before


def test_self_handled_report_is_closed_and_reads_back_as_closed(fw: FieldWorld) -> None:
    files = [
        ("media", ("before.png", PNG + b"1", "image/png")),
        ("media_after", ("after.png", PNG + b"2", "image/png")),
    ]
    reply = _post(fw, files=files, **{"attribute[self_handled]": "true"})
    assert reply.status_code == 201, reply.text
    number = reply.json()[0]["service_request_id"]
    key = fw.keys["T-1"]
    got = fw.client.get(f"{BASE}/requests/{number}.json", params={"api_key": key}).json()[0]
    assert got["status"] == "closed" and got["status_notes"].startswith("closed:")
    assert "self_handled" in got["status_notes"]
    assert got["requested_datetime"].endswith("+08:00")
    with fw.store.read() as session:
        kinds = sorted(session.scalars(select(Attachment.kind)))
    assert kinds == ["after", "near"]


def test_request_list_filters_and_tokens(fw: FieldWorld) -> None:
    key = fw.keys["T-1"]
    first = _post(fw).json()[0]
    second = _post(fw, service_code="0101").json()[0]
    listed = fw.client.get(f"{BASE}/requests.json", params={"api_key": key}).json()
    assert [r["service_request_id"] for r in listed] == [
        second["service_request_id"],
        first["service_request_id"],
    ]
    by_code = fw.client.get(
        f"{BASE}/requests.json", params={"api_key": key, "service_code": "0101"}
    ).json()
    assert [r["service_request_id"] for r in by_code] == [second["service_request_id"]]
    closed = fw.client.get(f"{BASE}/requests.json", params={"api_key": key, "status": "closed"})
    assert closed.json() == []
    future = (dt.datetime.now(ZONE) + dt.timedelta(days=1)).isoformat()
    later = fw.client.get(f"{BASE}/requests.json", params={"api_key": key, "start_date": future})
    assert later.json() == []
    ids = f"{first['service_request_id']},nope"
    picked = fw.client.get(
        f"{BASE}/requests.xml", params={"api_key": key, "service_request_id": ids}
    )
    root = ET.fromstring(picked.content)
    assert [r.findtext("service_request_id") for r in root] == [first["service_request_id"]]
    assert root[0].findtext("status_notes", "").startswith("to_open:")
    token = fw.client.get(f"{BASE}/tokens/{first['token']}.json", params={"api_key": key})
    assert token.json() == [
        {"token": first["token"], "service_request_id": first["service_request_id"]}
    ]
    assert fw.client.get(f"{BASE}/tokens/unknown.json", params={"api_key": key}).status_code == 404
    bad = fw.client.get(f"{BASE}/requests.json", params={"api_key": key, "status": "pending"})
    assert bad.status_code == 400


def test_finer_state_shows_in_status_notes(fw: FieldWorld) -> None:
    number = _post(fw).json()[0]["service_request_id"]
    with fw.store.read() as session:
        case_id = session.scalars(select(Case.id)).one()
    fw.world.act(workflow.open_case, "shift", case_id)
    key = fw.keys["T-1"]
    got = fw.client.get(f"{BASE}/requests/{number}.json", params={"api_key": key}).json()[0]
    assert got["status"] == "open" and got["status_notes"].startswith("opened: 已立案")


def _to_check(fw: FieldWorld) -> tuple[int, str]:
    number = _post(fw).json()[0]["service_request_id"]
    with fw.store.read() as session:
        case_id = session.scalars(select(Case.id).where(Case.number == number)).one()
    to_check(fw.world, case_id)
    return case_id, number


def test_check_results_come_from_the_terminal(fw: FieldWorld) -> None:
    case_id, number = _to_check(fw)
    form = {"api_key": fw.keys["T-1"], "result": "fail", "note": "仍有垃圾", "device_ref": "c-1"}
    files = [("media", ("check.jpg", jpeg(), "image/jpeg"))]
    failed = fw.client.post(f"{BASE}/requests/{number}/checks.json", data=form, files=files)
    assert failed.status_code == 201, failed.text
    assert fw.world.case(case_id).state == "in_handling"
    assert fw.world.case(case_id).rework_count == 1
    again = fw.client.post(f"{BASE}/requests/{number}/checks.json", data=form)
    assert again.status_code == 200 and fw.world.case(case_id).rework_count == 1
    wrong_state = dict(form, result="pass", device_ref="c-2")
    refused = fw.client.post(f"{BASE}/requests/{number}/checks.json", data=wrong_state)
    assert refused.status_code == 400
    assert fw.world.case(case_id).state == "in_handling"


def test_check_pass_moves_the_case_on(fw: FieldWorld) -> None:
    case_id, number = _to_check(fw)
    form = {"api_key": fw.keys["T-1"], "result": "pass"}
    done = fw.client.post(f"{BASE}/requests/{number}/checks.xml", data=form)
    assert done.status_code == 201
    assert ET.fromstring(done.content)[0].findtext("service_request_id") == number
    assert fw.world.case(case_id).state == "to_close"
    missing = fw.client.post(f"{BASE}/requests/AJ0/checks.json", data=form)
    assert missing.status_code == 404


def test_keys_are_checked_and_revoked_at_once(fw: FieldWorld) -> None:
    assert _post(fw, api_key="").status_code == 401
    assert _post(fw, api_key=fw.keys["T-1"] + "x").status_code == 401
    assert _post(fw, api_key="nodot").status_code == 401
    assert _post(fw).status_code == 201
    with fw.store.write() as session:
        assert terminals.revoke_key(session, ADMIN, fw.terminal_ids["T-1"]) is True
    refused = _post(fw)
    assert refused.status_code == 401
    reads = fw.client.get(f"{BASE}/requests.json", params={"api_key": fw.keys["T-1"]})
    assert reads.status_code == 401
    assert _post(fw, code="T-2").status_code == 201


def test_holder_without_inspector_role_is_refused(fw: FieldWorld) -> None:
    with fw.store.write() as session, pytest.raises(terminals.InputError):
        terminals.issue_key(
            session,
            ADMIN,
            fw.terminal_ids["T-1"],
            holder_user_id=fw.world.actors["intake"].user_id,
        )


def test_rate_limit_answers_429_with_retry_after(store: Store) -> None:
    for fw in make_field_world(store, per_minute=1, burst=2):
        assert _post(fw).status_code == 201
        assert _post(fw).status_code == 201
        limited = _post(fw)
        assert limited.status_code == 429
        assert int(limited.headers["Retry-After"]) >= 1
        assert _count(store, Case) == 2
        # Limits are per terminal: another phone is not held up.
        assert _post(fw, code="T-2").status_code == 201


def test_wrong_keys_are_limited_per_address_before_the_database(
    fw: FieldWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [0.0]
    service = fw.client.app.state.field  # type: ignore[attr-defined]
    service.failures = RateLimiter(FAILED_KEYS_PER_MINUTE, FAILED_KEYS_BURST, clock=lambda: now[0])
    asked: list[str] = []
    check = terminals.authenticate

    def counted(session: Any, key: str) -> Any:
        asked.append(key)
        return check(session, key)

    monkeypatch.setattr(terminals, "authenticate", counted)
    prefix = fw.keys["T-1"].partition(".")[0]

    def listing(client: TestClient, key: str) -> Any:
        return client.get(f"{BASE}/requests.json", params={"api_key": key})

    for attempt in range(FAILED_KEYS_BURST):
        assert listing(fw.client, f"{prefix}.guess{attempt}").status_code == 401
    refused = listing(fw.client, f"{prefix}.guess-more")
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
    # Refused from memory, the right key included: the database was not asked again.
    assert listing(fw.client, fw.keys["T-1"]).status_code == 429
    assert len(asked) == FAILED_KEYS_BURST
    # Another address is not held up, and good keys cost nothing from the allowance.
    with TestClient(fw.client.app, client=("10.0.0.9", 40000)) as other:
        for _ in range(FAILED_KEYS_BURST + 2):
            assert listing(other, fw.keys["T-1"]).status_code == 200
    # A second later the guesser may try a few more.
    now[0] += 1.0
    assert listing(fw.client, f"{prefix}.again").status_code == 401
    assert listing(fw.client, fw.keys["T-1"]).status_code == 200


def test_oversized_bodies_are_refused_before_reading(store: Store) -> None:
    for fw in make_field_world(store, max_body=50_000):
        files = [("media", ("big.png", PNG + bytes(60_000), "image/png"))]
        reply = _post(fw, files=files)
        assert reply.status_code == 413
        assert reply.json()[0]["code"] == 413
        assert _count(store, Case) == 0


def test_openapi_describes_every_method(fw: FieldWorld) -> None:
    spec = fw.client.get(f"{BASE}/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    paths = {f"{method.upper()} {path}" for path, item in spec["paths"].items() for method in item}
    assert {
        "GET /open311/v2/services.{fmt}",
        "GET /open311/v2/services/{service_code}.{fmt}",
        "GET /open311/v2/requests.{fmt}",
        "POST /open311/v2/requests.{fmt}",
        "GET /open311/v2/requests/{service_request_id}.{fmt}",
        "GET /open311/v2/tokens/{token}.{fmt}",
        "POST /open311/v2/requests/{service_request_id}/checks.{fmt}",
    } <= paths
    post = spec["paths"]["/open311/v2/requests.{fmt}"]["post"]
    assert "multipart/form-data" in post["requestBody"]["content"]
    assert {"400", "401", "429"} <= set(post["responses"])
    assert fw.client.get(f"{BASE}/services.csv").status_code == 400
    assert fw.client.get(f"{BASE}/nothing.json").json()[0]["code"] == 404
