"""A name as a sentence in Polish, Czech or Slovak writes it. These languages decline names:
"Brawo dla Łucji Dąbrowskiej" (for Łucja Dąbrowska), "Gratulacje dla Zofii Wiśniewskiej",
"z Kacprem Zielińskim" (with Kacper Zieliński), "pro Terezu Novákovou". A member of staff or a
parent writing in their own language names the pupil in full as surely as in English: the
policies' rules on full names do not depend on the language (Polish is the second language of
England's schools).

`declined_forms(name)` gives the forms a name takes, folded as the text is, beside the name
itself. They are generous (a form no sentence uses costs nothing), because they are only ever
matched as a first name and a declined surname together, both a pupil's, one straight after the
other: no form of a first name alone is read as a pupil, and a surname these languages leave as
it is ("Zofii Nowak", of a girl) is left unread.
"""

from __future__ import annotations

from functools import lru_cache

from safepost.detect.text import fold

_VOWELS = frozenset("aeiouy")
# Consonants whose stem changes before the locative's -e ("Marta" -> "Marcie", "Piotr" ->
# "Piotrze", "Agnieszka" -> "Agnieszce", "Jadwiga" -> "Jadwidze").
_LOCATIVE_SOFTENING = {"t": "cie", "d": "dzie", "r": "rze", "k": "ce", "g": "dze", "ch": "sze", "n": "nie",
                       "s": "sie", "z": "zie", "l": "le", "w": "wie", "m": "mie", "p": "pie", "b": "bie",
                       "f": "fie", "ł": "le"}
_SOFTENING_ORDER = sorted(_LOCATIVE_SOFTENING, key=len, reverse=True)  # (longest first: "ch")


def _feminine_noun(name: str) -> set[str]:
    """A name ending in -a declined as a feminine noun: Anna -> Anny, Annie, Annę, Anną; Zofia
    -> Zofii, Zofię, Zofią; Maja -> Mai, Maję, Mają; Kasia -> Kasi; Czech Tereza -> Terezu,
    Terezou."""
    stem = name[:-1]
    forms = {stem + "y", stem + "i", stem + "ę", stem + "ą", stem + "e", stem + "o", stem + "u", stem + "ou"}
    if stem.endswith("i"):
        forms.add(stem)  # Kasia -> Kasi; Zofia -> Zofii is stem + "i"
    if stem.endswith("j"):
        forms.add(stem[:-1] + "i")  # Maja -> Mai
    forms.add(_softened(stem))
    return forms


def _softened(stem: str) -> str:
    """The stem before the locative's -e, its last consonant softened ("Mart" -> "Marcie",
    "Piotr" -> "Piotrze"); the stem plus "ie" where nothing softens."""
    consonant = next((end for end in _SOFTENING_ORDER if stem.endswith(end)), "")
    return stem[: len(stem) - len(consonant)] + _LOCATIVE_SOFTENING.get(consonant, "ie")


def _masculine_noun(name: str) -> set[str]:
    """A name ending in a consonant declined as a masculine noun: Jan -> Jana, Janowi, Janem,
    Janie; Kacper -> Kacpra, Kacprem (the last -e- drops); Tomasz -> Tomasza, Tomaszu;
    Nowak -> Nowaka, Nowakiem; Czech and Slovak Dominik -> Dominikovi, Dominikom."""
    stems = {name}
    if len(name) >= 4 and name[-2] == "e" and name[-3] not in _VOWELS and name[-1] not in _VOWELS:
        stems.add(name[:-2] + name[-1])  # Kacper -> Kacpr-, Marek -> Mark-
    forms: set[str] = set()
    for stem in stems:
        forms |= {stem + "a", stem + "owi", stem + "ovi", stem + "em", stem + "iem", stem + "om", stem + "u",
                  stem + "ie", stem + "e", _softened(stem)}
    return forms


def _adjective(name: str) -> set[str]:
    """A surname that is an adjective: Wiśniewska -> Wiśniewskiej, Wiśniewską; Zieliński ->
    Zielińskiego, Zielińskiemu, Zielińskim; Czech Nováková -> Novákové, Novákovou, Slovak
    Balážová -> Balážovej, Balážovú; -ý surnames (Černý -> Černého, Černému, Černým)."""
    for ending, forms in (
        ("ska", ("skiej", "ską")), ("cka", ("ckiej", "cką")), ("dzka", ("dzkiej", "dzką")),
        ("ski", ("skiego", "skiemu", "skim")), ("cki", ("ckiego", "ckiemu", "ckim")),
        ("dzki", ("dzkiego", "dzkiemu", "dzkim")),
        ("ová", ("ové", "ovou", "ovej", "ovú")), ("ova", ("ove", "ovou", "ovej", "ovu")),
        ("ý", ("ého", "ému", "ým")), ("á", ("é", "ou")),
    ):
        if name.endswith(ending):
            return {name[: -len(ending)] + form for form in forms}
    return set()


@lru_cache(maxsize=4096)
def declined_forms(name: str) -> frozenset[str]:
    """The folded forms a one-word name takes when declined, not including the name itself
    (empty for a name of fewer than three letters)."""
    word = name.strip().lower()
    if len(word) < 3 or not word.isalpha():
        return frozenset()
    forms = _adjective(word)
    if not forms:
        forms = _feminine_noun(word) if word.endswith("a") else (
            _masculine_noun(word) if word[-1] not in _VOWELS else set())
    base = fold(word)
    return frozenset(folded for folded in (fold(form) for form in forms) if folded != base)
