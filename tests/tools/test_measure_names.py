"""tools/measure_names.py: each template read with a name put in, and where the name lies."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

import measure_names


@pytest.mark.parametrize(("template", "text", "names"), [
    ("Well done {full}!", "Well done Kofi Mensah!", [("Kofi Mensah", "full")]),
    ("Mr {last} will lead it", "Mr Mensah will lead it", [("Mr Mensah", "title")]),
    ("{first} and {first}'s mum", "Kofi and Kofi's mum", [("Kofi", "first"), ("Kofi", "first")]),
    ("Nobody here", "Nobody here", []),
])
def test_a_template_is_read_with_the_name_and_its_place(
    template: str, text: str, names: list[tuple[str, str]],
) -> None:
    post = measure_names.render({"text": template, "channel": "official"}, "Kofi", "Mensah")
    assert post.text == text
    assert [(post.text[span.start:span.end], span.form) for span in post.names] == names
    assert post.channel == "official" and post.label is None


@pytest.mark.parametrize(("template", "kind"), [
    ({"text": "Lost the number, {first}", "channel": "personal"}, "post"),
    ({"text": "Thanks {first}", "channel": "personal", "kind": "message"}, "message"),
])
def test_a_template_with_no_kind_is_a_post_as_in_the_contract(template: dict[str, str], kind: str) -> None:
    assert measure_names.render(template, "Kofi", "Mensah").kind == kind


def test_the_shipped_names_and_templates_are_readable() -> None:
    import yaml

    groups = yaml.safe_load((measure_names.HERE / "names.yaml").read_text("utf-8"))["groups"]
    templates = yaml.safe_load((measure_names.HERE / "templates.yaml").read_text("utf-8"))
    assert len(groups) >= 5 and all(len(names) >= 5 for names in groups.values())
    assert all(len(name) == 2 for names in groups.values() for name in names)
    assert templates["clean"] and templates["harmful"]
    assert all(template.get("label") for template in templates["harmful"])
