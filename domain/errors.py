"""The errors tally's rules raise. Interfaces map each class to one HTTP status.

TallyError                 every rule violation; carries a stable ``code``
├── NotFound               an id that does not exist for this business
├── Invalid                input that breaks a rule; ``errors`` lists the faults
├── Malformed              a body that cannot be read at all (not UTF-8, not JSON, nested too deep)
├── Conflict               the request contradicts what is already recorded
│   ├── InvalidTransition  a document cannot move from its current ``status`` that way
│   └── OverLimit          a consume the customer's limits do not allow (``reason``, as an access check says)
├── Refused                a well-formed request the current state cannot honour (a debit beyond the balance)
├── Unauthorized           no key, or a key that matches no business
└── NotReady               a read model has not caught up in time, or is stuck at a parked event
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Fault:
    """One fault in a request: where (``field``, and ``index`` in a batch) and why."""

    field: str
    reason: str
    index: int | None = None


@dataclass
class TallyError(Exception):
    detail: str
    code: str = "error"
    errors: list[Fault] = field(default_factory=list)

    def __str__(self) -> str:
        return self.detail


class NotFound(TallyError):
    def __init__(self, kind: str, key: object) -> None:
        super().__init__(f"{kind} {key} not found", f"{kind}_not_found")


class Invalid(TallyError):
    def __init__(self, detail: str, code: str = "invalid_request", errors: list[Fault] | None = None) -> None:
        super().__init__(detail, code, errors or [])


class Malformed(TallyError):
    def __init__(self, detail: str, code: str = "malformed_json") -> None:
        super().__init__(detail, code)


class Conflict(TallyError):
    pass


class Refused(TallyError):
    pass


class InvalidTransition(Conflict):
    def __init__(self, detail: str, status: str) -> None:
        super().__init__(detail, "invalid_transition")
        self.status = status


class OverLimit(Conflict):
    def __init__(self, detail: str, reason: str) -> None:
        super().__init__(detail, "limit_reached")
        self.reason = reason


class Unauthorized(TallyError):
    def __init__(self, detail: str = "a valid API key is required") -> None:
        super().__init__(detail, "unauthorized")


class NotReady(TallyError):
    pass
