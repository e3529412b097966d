"""Workflow errors whose parameters are themselves translatable (states, actions, roles).

A refusal names the action and the current state in the reader's language, so the
parameters carry message codes (Term) that are rendered together with the sentence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from console.errors import ConflictError, InputError, KnownError, PermissionDenied
from console.messages import language_from_env, render


@dataclass(frozen=True)
class Term:
    """A word or phrase by message code, rendered in the language of the sentence."""

    code: str

    def render(self, language: str) -> str:
        return render(self.code, language)


@dataclass(frozen=True)
class Terms:
    """Several terms, joined the way each language lists things."""

    codes: tuple[str, ...]

    def render(self, language: str) -> str:
        words = [render(code, language) for code in self.codes]
        if not words:
            return "-"
        return (", " if language.lower().startswith("en") else "、").join(words)


def action_term(action: str) -> Term:
    return Term(f"workflow.action.{action}")


def state_term(state: str | None) -> Term:
    return Term(f"workflow.state.{state or 'none'}")


def states_term(states: Iterable[str]) -> Terms:
    return Terms(tuple(f"workflow.state.{s}" for s in states))


def roles_term(roles: Iterable[str]) -> Terms:
    return Terms(tuple(f"workflow.role.{r}" for r in roles))


def request_term(kind: str | None) -> Term:
    return Term(f"workflow.request.{kind or 'none'}")


def _localise(value: Any, language: str) -> Any:
    if isinstance(value, Term | Terms):
        return value.render(language)
    return value


class _Localised(KnownError):
    def message(self, language: str | None = None) -> str:
        lang = language or language_from_env()
        params = {k: _localise(v, lang) for k, v in self.params.items()}
        return render(self.code, lang, **params)


class WorkflowInputError(_Localised, InputError):
    """The case is not in a state (or the input not in a shape) that allows the action."""


class WorkflowPermissionDenied(_Localised, PermissionDenied):
    """The actor's roles or unit do not allow the action."""


class WorkflowConflict(_Localised, ConflictError):
    """Someone else changed the case since the operator last saw it."""
