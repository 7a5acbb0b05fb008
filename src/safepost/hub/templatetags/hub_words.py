"""Template filters that turn the hub's record codes into plain words for the page."""

from __future__ import annotations

from typing import Any

from django import template

from safepost.hub import actions, audit
from safepost.report import VERDICT_WORDS

register = template.Library()


@register.filter
def action_words(action: str) -> str:
    return audit.action_words(action)


@register.filter
def details_words(details: Any) -> str:
    return audit.details_words(details)


@register.filter
def event_words(kind: str) -> str:
    """A step in a post's history in plain words ('published:copy' is 'Published (copied by hand)')."""
    return actions.event_words(kind)


@register.filter
def verdict_words(verdict: Any) -> str:
    """A check's verdict in the words the CLI's report uses ('allow' is 'OK to post')."""
    return VERDICT_WORDS.get(str(verdict), str(verdict or ""))
