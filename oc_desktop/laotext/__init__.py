"""Lao text handling shared by every section: canonical spelling, search and identity
keys that fold look-alike spellings, dictionary order, digits.

Every section stores text through ``clean`` (operations do it via
``validation.Checker.text``), compares names and numbers with ``identity_key``, indexes
with ``index_text`` and searches with ``search_words``.
"""

from oc_desktop.laotext.collation import INDEX_KEY_BYTES, index_sort_key, sort_key
from oc_desktop.laotext.spelling import (
    ARABIC_DIGITS,
    FIELD_SEPARATOR,
    LAO_DIGITS,
    canonical,
    fold,
    has_control_characters,
    identity_key,
    index_text,
    order_marks,
    search_key,
    search_words,
    to_arabic_digits,
    to_lao_digits,
)

#: what a typed or pasted value is stored as (see ``canonical``)
clean = canonical

__all__ = [
    "ARABIC_DIGITS",
    "FIELD_SEPARATOR",
    "INDEX_KEY_BYTES",
    "LAO_DIGITS",
    "canonical",
    "clean",
    "fold",
    "has_control_characters",
    "identity_key",
    "index_sort_key",
    "index_text",
    "order_marks",
    "search_key",
    "search_words",
    "sort_key",
    "to_arabic_digits",
    "to_lao_digits",
]
