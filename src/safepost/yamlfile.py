"""Reading YAML files (packs, school directories, the lexicon) with PyYAML's safe loader, in
libyaml's C version where PyYAML was built with it: the pure-Python one takes tens of
milliseconds for the lexicon alone, which a cold start notices."""

from __future__ import annotations

from typing import Any

import yaml

SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Parse YAML text safely (no arbitrary objects); raises yaml.YAMLError as PyYAML does."""
    return yaml.load(text, Loader=SAFE_LOADER)
