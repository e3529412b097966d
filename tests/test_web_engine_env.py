"""As root the map's web engine starts without Chromium's sandbox, which root cannot use."""

from __future__ import annotations

from console import web_engine_env
from console.web_engine_env import SANDBOX_OFF


def test_root_gets_the_sandbox_turned_off() -> None:
    env: dict[str, str] = {}
    assert web_engine_env.prepare(env, euid=0) is True
    assert env == {SANDBOX_OFF: "1"}


def test_other_users_and_an_explicit_choice_are_left_alone() -> None:
    env: dict[str, str] = {}
    assert web_engine_env.prepare(env, euid=1000) is False and env == {}
    chosen = {SANDBOX_OFF: "0"}
    assert web_engine_env.prepare(chosen, euid=0) is False and chosen == {SANDBOX_OFF: "0"}
