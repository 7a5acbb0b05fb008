"""The append-only audit log: each record carries the hash of the one before, so a changed or
deleted record breaks the chain, and `safepost hub verify_audit` says where."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from safepost.hub.models import AuditRecord, School

GENESIS = "0" * 64


def _digest(record: AuditRecord) -> str:
    body = {
        "at": record.at.isoformat(), "actor": record.actor_name, "school": record.school_id,
        "action": record.action, "target_type": record.target_type,
        "target_id": record.target_id, "details": record.details,
        "previous": record.previous_hash,
    }
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def append(
    actor: AbstractBaseUser | None, action: str, *, school: School | None = None,
    target: Any = None, details: dict[str, Any] | None = None,
) -> AuditRecord:
    """Write one record. Call inside the transaction that makes the change it records."""
    last = AuditRecord.objects.select_for_update().order_by("-pk").first()
    record = AuditRecord(
        at=timezone.now(),
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_name=actor.get_username() if actor is not None and actor.is_authenticated else "system",
        school=school,
        action=action,
        target_type=type(target).__name__ if target is not None else "",
        target_id=str(getattr(target, "pk", "") or "") if target is not None else "",
        details=json.loads(json.dumps(details or {}, default=str)),
        previous_hash=last.hash if last else GENESIS,
    )
    record.hash = _digest(record)
    record.save()
    return record


@dataclass
class ChainReport:
    records: int
    broken_at: int | None
    reason: str

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify_chain() -> ChainReport:
    previous = GENESIS
    count = 0
    for record in AuditRecord.objects.order_by("pk").iterator():
        count += 1
        if record.previous_hash != previous:
            return ChainReport(count, record.pk, "it does not follow the record before it")
        if _digest(record) != record.hash:
            return ChainReport(count, record.pk, "its contents do not match its hash")
        previous = record.hash
    return ChainReport(count, None, "intact")
