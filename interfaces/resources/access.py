"""Access checks, consumes, features and a customer's entitlements, as the API answers them
(docs/access.md): every number a decimal string, every time RFC 3339."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

import anyio
import msgspec
from anyio import to_thread
from litestar.datastructures import State

from application.access import Checked, Entry
from application.tally import Tally
from domain.errors import Fault, Invalid, Malformed, NotReady
from domain.feature import Feature, FeatureType
from domain.numbers import plain_decimal
from domain.usage_event import IncomingEvent
from interfaces.resources.events import EventIn, as_stored
from interfaces.resources.freshness import READ_WAIT_S, PositionWatch
from projections.reads.billing_views import number
from projections.usage.event_queries import EventView

Key = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]


class AccessView(msgspec.Struct, kw_only=True):
    """`reason`: ok, no_subscription, usage_limit, credits_exhausted, overage_limit or feature_not_granted.
    `limit` and `remaining` are null where nothing limits; `balance` is the credits left for a credit limit.
    `position`: the answer counts every event up to this log position."""

    allowed: bool
    reason: str
    used: str | None
    limit: str | None
    remaining: str | None
    balance: str | None = None
    cycle_start: datetime | None
    cycle_end: datetime | None
    position: int
    meter_id: str | None = None
    feature: str | None = None
    value: Any = None


def _text(value: Decimal | None) -> str | None:
    return None if value is None else number(value)


def access_view(checked: Checked, meter_id: str | None = None, feature: str | None = None) -> AccessView:
    s = checked.standing
    return AccessView(
        allowed=s.allowed,
        reason=s.reason,
        used=_text(s.used),
        limit=_text(s.limit),
        remaining=_text(s.remaining),
        balance=_text(s.balance),
        cycle_start=s.cycle_start,
        cycle_end=s.cycle_end,
        position=checked.position,
        meter_id=meter_id,
        feature=feature,
        value=number(checked.value) if isinstance(checked.value, Decimal) else checked.value,
    )


def quantity_of(text: str | int) -> Decimal:
    """A quantity as a query parameter or JSON gives it: a plain decimal (or an integer), else 422."""
    value = Decimal(text) if isinstance(text, int) and not isinstance(text, bool) else None
    if isinstance(text, str):
        value = plain_decimal(text)
    if value is None:
        raise Invalid("quantity must be a number", "invalid_quantity", [Fault("quantity", "must be a plain decimal")])
    return value


class ConsumeBody(msgspec.Struct, forbid_unknown_fields=True):
    """`event` is a Dodo usage event (as `POST /events/ingest` takes one) that adds `quantity` to the meter."""

    meter_id: Key
    event: EventIn
    quantity: int | str = 1


_consume = msgspec.json.Decoder(ConsumeBody, float_hook=Decimal)


def parse_consume(body: bytes) -> tuple[str, Decimal, IncomingEvent]:
    try:
        data = _consume.decode(body)
    except msgspec.ValidationError as exc:
        where = str(exc).rsplit("at `$.", 1)[-1].rstrip("`") if "at `$." in str(exc) else "body"
        raise Invalid(str(exc), "invalid_request", [Fault(where, str(exc))]) from None
    except msgspec.DecodeError as exc:
        raise Malformed(f"the body is not valid JSON: {exc}") from None
    e = data.event
    incoming = IncomingEvent(e.event_id, e.customer_id, e.event_name, e.timestamp, e.metadata or {})
    return data.meter_id, quantity_of(data.quantity), incoming


class ConsumedView(AccessView, kw_only=True):
    event: EventView


class FeatureCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    key: Key
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    type: FeatureType
    meter_id: Key | None = None
    config: dict[str, Any] = {}


class FeatureView(msgspec.Struct, kw_only=True):
    id: str
    feature_id: str
    key: str
    name: str
    type: str
    meter_id: str | None
    config: dict[str, Any]
    created_at: datetime
    position: int = 0


def feature_view(f: Feature, position: int = 0) -> FeatureView:
    return FeatureView(
        id=str(f.id),
        feature_id=str(f.id),
        key=f.key,
        name=f.name,
        type=f.type,
        meter_id=f.meter_id,
        config=as_stored(f.config),
        created_at=f.created_on,
        position=position,
    )


class EntitlementView(AccessView, kw_only=True):
    """Dodo's customer entitlement grant (entitlement_id, entitlement_name, grant_id, integration_type,
    status, created_at, updated_at) with the check's fields; `kind` says whether it is a feature or a meter's
    limit."""

    entitlement_id: str
    entitlement_name: str
    grant_id: str
    integration_type: Literal["feature_flag"] = "feature_flag"
    status: Literal["delivered"] = "delivered"
    kind: str
    subscription_id: str
    created_at: datetime
    updated_at: datetime
    blocked_since: datetime | None = None


class EntitlementsView(msgspec.Struct):
    items: list[EntitlementView]


def entitlement_view(entry: Entry) -> EntitlementView:
    sub = entry.subscription
    if entry.feature is not None:
        target_id, name = str(entry.feature.id), entry.feature.name
        base = access_view(entry.checked, entry.feature.meter_id, entry.feature.key)
    else:
        assert entry.meter is not None
        target_id, name = str(entry.meter.id), entry.meter.name
        base = access_view(entry.checked, str(entry.meter.id))
    return EntitlementView(
        **msgspec.structs.asdict(base),
        entitlement_id=target_id,
        entitlement_name=name,
        grant_id=str(uuid.uuid5(sub.id, f"grant:{target_id}")),
        kind=entry.kind,
        subscription_id=str(sub.id),
        created_at=sub.created_on,
        updated_at=sub.modified_on,
        blocked_since=entry.blocked_since,
    )


@dataclass
class _Waiting:
    request: Any
    done: anyio.Event = field(default_factory=anyio.Event)
    answer: Any = None
    leads: bool = False  # woken to run the next turn rather than with its answer


class ConsumeTurns:
    """Consumes of one (business, customer, meter) in this API process take turns here, on the event loop,
    before they take a thread and a connection: while one runs, those that arrive queue, holding neither, and
    the next turn runs all of them in one transaction (`Access.consume_many`), as ingest's group commit does.
    The database's lock still orders the turns of every process.

    Each turn is run by a request of it (the first to queue), so it runs within that request's own deadline
    (interfaces/http/deadline.py): a request that ran every later turn too would, under a steady stream of
    consumes, outlive its deadline and fail the turns that followed."""

    def __init__(self) -> None:
        self._queues: dict[str, list[_Waiting]] = {}

    async def take(self, key: str, request: Any, run: Callable[[list[Any]], list[Any]]) -> Any:
        """`request`'s answer from `run`, which answers every request of a turn in order."""
        mine = _Waiting(request)
        queue = self._queues.get(key)
        if queue is not None:
            queue.append(mine)
            await mine.done.wait()
            if not mine.leads:
                return mine.answer
        else:
            self._queues[key] = [mine]
        turn, self._queues[key] = self._queues[key], []
        try:
            try:
                answers = await to_thread.run_sync(run, [w.request for w in turn])
            except Exception as failed:  # every request of the turn answers it
                answers = [failed] * len(turn)
            _answer_all(turn, answers)
        finally:
            # Unanswered only when this request was cancelled during its turn: they are told to retry.
            unanswered = [w for w in turn if w.answer is None]
            interrupted = NotReady("the consume before this one was interrupted; retry", "consume_interrupted")
            _answer_all(unanswered, [interrupted] * len(unanswered))
            waiting = self._queues.get(key)
            if waiting:
                waiting[0].leads = True
                waiting[0].done.set()
            else:
                self._queues.pop(key, None)
        return mine.answer


def _answer_all(waiting: list[_Waiting], answers: list[Any]) -> None:
    for w, answer in zip(waiting, answers, strict=True):
        w.answer = answer
        w.done.set()


async def settled(state: State, tally: Tally, business: uuid.UUID) -> None:
    """Waits until `charges` (who subscribes to what) holds every write but usage events stored before now:
    under ingest, the log's tail is usage events, and a check does not wait for those (it reads them)."""
    pending = await to_thread.run_sync(tally.access.pending_position)
    watch: PositionWatch = state.position_watch
    if pending and not await watch.reached(pending, READ_WAIT_S, business, ["charges"]):
        raise NotReady("the charges read model is behind; retry", "projections_behind")
