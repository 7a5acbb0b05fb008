"""Template filters that turn the hub's record codes into plain words for the page."""

from __future__ import annotations

from typing import Any

from django import template

from safepost.hub import audit

register = template.Library()


@register.filter
def action_words(action: str) -> str:
    return audit.action_words(action)


@register.filter
def details_words(details: Any) -> str:
    return audit.details_words(details)
