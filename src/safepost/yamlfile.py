"""Reading YAML files (packs, school directories, the lexicon) with PyYAML's safe loader, in
libyaml's C version where PyYAML was built with it: the pure-Python one takes tens of
milliseconds for the lexicon alone, which a cold start notices."""

from __future__ import annotations

from typing import Any

import yaml

SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Parse YAML text safely (no arbitrary objects); raises yaml.YAMLError as PyYAML does."""
    try:
        return yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError:
        if SAFE_LOADER is yaml.SafeLoader:
            raise
        # The pure-Python parser's message quotes the bad line and points at the mistake,
        # which a school editing its own file needs; worth its time only on this path.
        return yaml.load(text, Loader=yaml.SafeLoader)
