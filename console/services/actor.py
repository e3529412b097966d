"""Who is acting: the signed-in user (or the system) and the workstation they sit at."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field

from console.errors import PermissionDenied


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    username: str
    roles: frozenset[str] = field(default_factory=frozenset)
    workstation: str = field(default_factory=socket.gethostname)

    def has(self, *roles: str) -> bool:
        return bool(self.roles & set(roles))

    def require(self, action: str, *roles: str) -> None:
        """Refuse unless the actor holds one of roles (admin is not implied)."""
        if not self.has(*roles):
            raise PermissionDenied(
                "perm.denied",
                action=action,
                roles=", ".join(sorted(self.roles)) or "-",
                needed=", ".join(roles),
            )


def system_actor(workstation: str | None = None) -> Actor:
    """The program itself (schema upgrades, scheduled checks, the demo generator)."""
    return Actor(None, "system", frozenset({"system"}), workstation or socket.gethostname())
