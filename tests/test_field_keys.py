"""Terminal keys (issue, revoke, authenticate), the rate limiter, photo facts and XML."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from sqlalchemy import select

from console.cli import main
from console.errors import AuthError, InputError, PermissionDenied, SettingError
from console.field import exif
from console.field.ratelimit import RateLimiter
from console.field.simulation import photo
from console.field.xml_out import to_xml
from console.models import AppSetting, AuditLog, ChangeFeed, FieldTerminal
from console.services import terminals
from console.store import Store
from tests.support.field_world import ADMIN, add_terminal, jpeg
from tests.support.workflow_seed import seed

ZONE = dt.timezone(dt.timedelta(hours=8))


def test_issue_shows_the_key_once_and_stores_only_its_hash(store: Store) -> None:
    world = seed(store)
    terminal_id = add_terminal(world, "T-1", "insp")
    with store.write() as session:
        issued = terminals.issue_key(session, ADMIN, terminal_id)
    with store.read() as session:
        row = session.get(FieldTerminal, terminal_id)
        assert row is not None
        assert row.api_key_hash == terminals.key_hash(issued.key) != issued.key
        assert issued.key.startswith(f"{row.api_key_prefix}.")
        assert row.api_key_issued_at is not None
        who = terminals.authenticate(session, issued.key)
        audit_row = session.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
        change = session.scalars(select(ChangeFeed).order_by(ChangeFeed.seq.desc())).first()
    assert who.terminal_id == terminal_id and who.code == "T-1"
    assert who.actor.user_id == world.actors["insp"].user_id and who.actor.has("inspector")
    assert who.actor.workstation == "terminal:T-1"
    assert audit_row is not None and audit_row.action == "terminal.issue_key"
    assert issued.key not in str(audit_row.detail)
    assert change is not None and change.entity == "field_terminal"


def test_a_new_key_replaces_the_old_and_revoking_stops_it(store: Store) -> None:
    world = seed(store)
    terminal_id = add_terminal(world, "T-1", "insp")
    with store.write() as session:
        old = terminals.issue_key(session, ADMIN, terminal_id).key
        new = terminals.issue_key(session, ADMIN, terminal_id).key
    with store.read() as session:
        with pytest.raises(AuthError):
            terminals.authenticate(session, old)
        terminals.authenticate(session, new)
    with store.write() as session:
        assert terminals.revoke_key(session, ADMIN, terminal_id) is True
        assert terminals.revoke_key(session, ADMIN, terminal_id) is False
    with store.read() as session:
        for key in (new, "", "x", "." * 40, "a" * 17 + ".b"):
            with pytest.raises(AuthError):
                terminals.authenticate(session, key)


def test_only_an_admin_issues_and_only_to_an_active_inspector(store: Store) -> None:
    world = seed(store)
    held = add_terminal(world, "T-1", "insp")
    orphan = add_terminal(world, "T-2", None)
    with store.write() as session:
        with pytest.raises(PermissionDenied):
            terminals.issue_key(session, world.actors["shift"], held)
        with pytest.raises(PermissionDenied):
            terminals.revoke_key(session, world.actors["insp"], held)
        intake = world.actors["intake"].user_id
        for code, call in (
            ("field.no_holder", lambda: terminals.issue_key(session, ADMIN, orphan)),
            (
                "field.holder_not_inspector",
                lambda: terminals.issue_key(session, ADMIN, held, holder_user_id=intake),
            ),
            ("field.unknown_terminal", lambda: terminals.issue_key(session, ADMIN, 999_999)),
        ):
            with pytest.raises(InputError) as refused:
                call()
            assert refused.value.code == code
        # Naming a holder binds the terminal to them.
        issued = terminals.issue_key(
            session, ADMIN, orphan, holder_user_id=world.actors["insp"].user_id
        )
    with store.write() as session:
        row = session.get(FieldTerminal, orphan)
        assert row is not None and row.holder_user_id == world.actors["insp"].user_id
        row.active = False
    with store.read() as session:
        with pytest.raises(AuthError):
            terminals.authenticate(session, issued.key)
        listed = {r.code: r for r in terminals.list_terminals(session)}
        assert listed["T-2"].has_key and not listed["T-2"].active
        assert not listed["T-1"].has_key and listed["T-1"].holder_username == "insp"
        assert terminals.issuable_terminals(session) == ["T-1"]


def test_rate_policy_is_data(store: Store) -> None:
    with store.read() as session:
        assert terminals.rate_policy(session) == terminals.RatePolicy(60.0, 20)
    with store.write() as session:
        session.add(AppSetting(key=terminals.RATE_PER_MINUTE_KEY, value=6))
        session.add(AppSetting(key=terminals.RATE_BURST_KEY, value=3))
    with store.read() as session:
        assert terminals.rate_policy(session) == terminals.RatePolicy(6.0, 3)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        (terminals.RATE_PER_MINUTE_KEY, "many"),
        (terminals.RATE_PER_MINUTE_KEY, -5),
        (terminals.RATE_PER_MINUTE_KEY, "nan"),
        (terminals.RATE_BURST_KEY, 2.5),
        (terminals.RATE_BURST_KEY, "1e999"),
        (terminals.RATE_BURST_KEY, True),
    ],
)
def test_a_malformed_rate_policy_is_named(
    store: Store, db_url: str, key: str, value: object, capsys: pytest.CaptureFixture[str]
) -> None:
    with store.write() as session:
        session.add(AppSetting(key=key, value=value))
    with store.read() as session, pytest.raises(SettingError) as raised:
        terminals.rate_policy(session)
    assert key in raised.value.message("en") and "not usable" in raised.value.message("en")
    assert key in raised.value.message("zh_CN") and "无效" in raised.value.message("zh_CN")
    # serve-intake refuses to start with that message and status 2, not a traceback.
    assert main(["--db", db_url, "--lang", "zh_CN", "serve-intake", "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert key in err and "无效" in err and "Traceback" not in err


def test_rate_limiter_forgets_refilled_keys_past_its_size() -> None:
    now = [0.0]
    limiter = RateLimiter(60, 2, clock=lambda: now[0], max_keys=4)
    for address in ("a", "b", "c", "d"):
        assert limiter.take(address) == 0.0
    assert limiter.waiting("e") == 0.0 and len(limiter) == 4  # looking adds nothing
    assert limiter.take("d") == 0.0 and limiter.take("d") > 0  # d is empty
    now[0] += 1.5  # a, b, c have refilled; d has not
    assert limiter.take("e") == 0.0
    assert len(limiter) == 2  # d and e: d kept its state (1.5 tokens, not a full 2)
    assert limiter.take("d") == 0.0 and limiter.take("d") > 0


def test_rate_limiter_allows_a_burst_then_the_rate() -> None:
    now = [0.0]
    limiter = RateLimiter(per_minute=60, burst=3, clock=lambda: now[0])
    assert [limiter.take(1) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.take(1) == pytest.approx(1.0)
    assert limiter.take(2) == 0.0  # buckets are per terminal
    now[0] = 1.0
    assert limiter.take(1) == 0.0
    assert limiter.take(1) > 0
    now[0] = 100.0  # refills up to the burst, no further
    assert [limiter.take(1) for _ in range(4)][:3] == [0.0, 0.0, 0.0]
    assert limiter.take(1) > 0


def test_photo_facts_from_exif() -> None:
    taken = dt.datetime(2026, 11, 30, 9, 15, 30, tzinfo=ZONE)
    facts = exif.read(photo(116.2155, 39.9077, taken), ZONE)
    assert facts.taken_at == taken
    assert facts.lon == pytest.approx(116.2155, abs=1e-6)
    assert facts.lat == pytest.approx(39.9077, abs=1e-6)
    assert exif.read(jpeg(), ZONE) == exif.PhotoFacts()
    assert exif.read(b"not an image", ZONE) == exif.PhotoFacts()


def test_xml_lists_items_and_drops_what_xml_cannot_carry() -> None:
    out = to_xml("errors", [{"code": 400, "description": "bad\x00 <value> & \x1f more"}])
    root = ET.fromstring(out)
    assert root.tag == "errors"
    assert root[0].tag == "error" and root[0].findtext("description") == "bad <value> &  more"
    nested = ET.fromstring(to_xml("service_definition", {"attributes": [{"values": [{"key": 1}]}]}))
    assert nested.find("attributes/attribute/values/value/key") is not None
    assert ET.fromstring(to_xml("x", {"flag": True, "none": None})).findtext("flag") == "true"
