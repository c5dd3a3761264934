"""A meter: which usage events count (event name and filter) and how they add
up (count, sum, max or last of a metadata key). Its definition never changes
after creation; archiving only stops it counting new events (docs/meters.md)."""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import Aggregate, event

from domain import meter_filter
from domain.aggregation import KINDS, MeterRule
from domain.errors import Fault, Invalid
from domain.text import text_fault

MAX_NAME_LENGTH = 255
MAX_TEXT_LENGTH = 1000


def definition_faults(name: str, event_name: str, aggregation: Any) -> list[Fault]:
    faults = []
    for field, text in (("name", name), ("event_name", event_name)):
        faults += _name_fault(field, text)
    if not isinstance(aggregation, dict):
        return [*faults, Fault("aggregation", "must be an object {type, key}")]
    faults += [Fault(f"aggregation.{k}", "unknown field") for k in aggregation if k not in ("type", "key")]
    kind, key = aggregation.get("type"), aggregation.get("key")
    if kind not in KINDS:
        faults.append(Fault("aggregation.type", f"must be one of {', '.join(KINDS)}"))
    if key is not None and (not isinstance(key, str) or not 1 <= len(key) <= meter_filter.MAX_KEY_LENGTH):
        faults.append(
            Fault("aggregation.key", f"must be a metadata key of 1 to {meter_filter.MAX_KEY_LENGTH} characters")
        )
    elif key is None and kind in KINDS and kind != "count":
        faults.append(Fault("aggregation.key", f"is required for {kind}: the metadata key whose number is aggregated"))
    else:
        faults += text_fault("aggregation.key", key)
    return faults


# What a change (PATCH /meters/{id}) may set: how the meter is shown, never what it counts.
CHANGEABLE = ("name", "description", "measurement_unit")


def _name_fault(field: str, text: Any) -> list[Fault]:
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_NAME_LENGTH:
        return [Fault(field, f"must be 1 to {MAX_NAME_LENGTH} characters")]
    return text_fault(field, text)


def detail_faults(details: dict[str, Any]) -> list[Fault]:
    """The faults of the details that can change: a name, and an optional unit and description."""
    faults = []
    for field, text in details.items():
        if field == "name":
            faults += _name_fault(field, text)
        elif text is not None and (not isinstance(text, str) or len(text) > MAX_TEXT_LENGTH):
            faults.append(Fault(field, f"must be text of at most {MAX_TEXT_LENGTH} characters"))
        else:
            faults += text_fault(field, text, prose=field == "description")
    return faults


class Meter(Aggregate):
    class Created(Aggregate.Created):
        business_id: uuid.UUID
        name: str
        event_name: str
        aggregation: dict[str, Any]
        filter: dict[str, Any] | None
        measurement_unit: str | None
        description: str | None

    class Archived(Aggregate.Event):
        pass

    class Unarchived(Aggregate.Event):
        pass

    class BackfillCompleted(Aggregate.Event):
        """The meter now counts every matching event, those recorded before it too."""

    class Updated(Aggregate.Event):
        """The details a change set, by name (see CHANGEABLE); the definition is never among them."""

        changes: dict[str, Any]

    @classmethod
    def define(
        cls,
        business_id: uuid.UUID,
        name: str,
        event_name: str,
        aggregation: Any,
        filter: Any = None,
        measurement_unit: str | None = None,
        description: str | None = None,
    ) -> Meter:
        """A new meter, or Invalid listing every fault of the definition with its path."""
        faults = definition_faults(name, event_name, aggregation)
        faults += detail_faults({"measurement_unit": measurement_unit, "description": description})
        parsed = None
        if filter is not None:
            parsed, filter_faults = meter_filter.parse(filter)
            faults += filter_faults
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the meter definition", "invalid_meter", faults)
        kind = aggregation["type"]
        return cls(
            business_id=business_id,
            name=name,
            event_name=event_name,
            aggregation={"type": kind, "key": None if kind == "count" else aggregation["key"]},
            filter=parsed,
            measurement_unit=measurement_unit,
            description=description,
        )

    @event(Created)
    def __init__(
        self,
        business_id: uuid.UUID,
        name: str,
        event_name: str,
        aggregation: dict[str, Any],
        filter: dict[str, Any] | None,
        measurement_unit: str | None,
        description: str | None,
    ) -> None:
        self.business_id = business_id
        self.name = name
        self.event_name = event_name
        self.aggregation = aggregation
        self.filter = filter
        self.measurement_unit = measurement_unit
        self.description = description
        self.archived = False
        self.backfilled = False

    def archive(self) -> None:
        if not self.archived:
            self._archived()

    def unarchive(self) -> None:
        if self.archived:
            self._unarchived()

    def complete_backfill(self) -> None:
        if not self.backfilled:
            self._backfill_completed()

    @event(BackfillCompleted)
    def _backfill_completed(self) -> None:
        self.backfilled = True

    def update(self, changes: dict[str, Any]) -> None:
        """Renames, re-describes or changes the unit; event name, aggregation and filter cannot change
        (a meter's past usage must keep meaning what it meant). Nothing named, no event."""
        faults = [Fault(k, "cannot be changed: create a new meter instead") for k in changes if k not in CHANGEABLE]
        faults += detail_faults({k: v for k, v in changes.items() if k in CHANGEABLE})
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the meter change", "invalid_meter", faults)
        if changes:
            self._updated(changes=changes)

    @event(Updated)
    def _updated(self, changes: dict[str, Any]) -> None:
        for name, value in changes.items():
            setattr(self, name, value)

    @event(Archived)
    def _archived(self) -> None:
        self.archived = True

    @event(Unarchived)
    def _unarchived(self) -> None:
        self.archived = False

    @property
    def rule(self) -> MeterRule:
        """What this meter counts and how it adds up."""
        return MeterRule(self.event_name, self.aggregation["type"], self.aggregation["key"], self.filter)
