"""Reading YAML: fast where it can be, with the helpful message where the file is wrong."""

from __future__ import annotations

import pytest
import yaml

from safepost.yamlfile import load_yaml


def test_reads_a_mapping() -> None:
    assert load_yaml("name: Holbrook Primary\nbreaks: ['10:30-10:45']\n") == {
        "name": "Holbrook Primary", "breaks": ["10:30-10:45"]}


def test_a_mistake_is_reported_with_the_line_it_is_on() -> None:
    with pytest.raises(yaml.YAMLError) as raised:
        load_yaml("name: Holbrook\npolicy: reach2: extra\n")
    message = str(raised.value)
    assert "line 2" in message
    assert "policy: reach2: extra" in message  # the line itself, quoted for the reader


def test_arbitrary_objects_are_refused() -> None:
    with pytest.raises(yaml.YAMLError):
        load_yaml("!!python/object/apply:os.system ['true']\n")
