"""A Lao word list and the look-alike ways a clerk may type each word.

The words are the program's own demo vocabulary, words of the office's domain that hold
the letters clerks type in more than one way, and syllables generated from every
consonant, upper and lower vowel and tone mark. Each variant looks the same on screen
and on paper as the word it was made from.
"""

import itertools
import re

from oc_desktop.documents.demo import INSTRUCTIONS, OPENINGS, SENDERS, TOPICS
from oc_desktop.documents.directory import DEFAULT_KINDS

DOMAIN_WORDS = (
    "ນ້ຳ",
    "ໜ້າທີ່",
    "ຫົວໜ້າ",
    "ຂະແໜງ",
    "ໝາກໄມ້",
    "ເໝາະສົມ",
    "ຫຼາຍ",
    "ຫຼື",
    "ສະເຫຼີມສະຫຼອງ",
    "ເຫຼົ່ານີ້",
    "ຖະແຫຼງການ",
    "ແຂວງ",
    "ທີ່",
    "ເຊື່ອມ",
    "ຂໍ້ມູນ",
    "ນຳໃຊ້",
    "ຈຳນວນ",
    "ສຳເນົາ",
    "ຄຳສັ່ງ",
    "ຕຳແໜ່ງ",
    "ບຳນານ",
    "ກຳນົດ",
    "ແຜນການ",
    "ແກ້ໄຂ",
    "ເລື່ອງ",
    "ເຄື່ອງ",
    "ປີ້",
    "ນ້ຳໃຈ",
    "ໜັງສືສະເໜີ",
    "ເກັບກຳ",
    "ລຳດັບ",
    "ສຳຄັນ",
    "ແນະນຳ",
    "ຊ້ຳ",
    "ຄ້ຳປະກັນ",
)
CONSONANTS = "ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວຫອຮ"
UPPER_VOWELS = "ິີຶືັົ"
TONES = "່້໊໋"


def _generated() -> list[str]:
    out = []
    for consonant, vowel, tone in itertools.product(CONSONANTS, UPPER_VOWELS, TONES):
        out.append(consonant + vowel + tone + "ນ")
    for consonant, tone in itertools.product("ນມລວ", TONES[:2]):
        out += [consonant + tone + "ຳ", "ຫ" + consonant + tone + "າ", "ແ" + consonant + tone]
    return out


def words() -> list[str]:
    """Every word of the list, each once, in canonical spelling."""
    texts = [n for n, _a in SENDERS] + list(OPENINGS + TOPICS + INSTRUCTIONS + DEFAULT_KINDS)
    found = [w for t in texts for w in re.split(r"[\s,\-]+", t) if w and not w.isascii()]
    return list(dict.fromkeys([*found, *DOMAIN_WORDS, *_generated()]))


_TONE = "[\u0ec8-\u0ecb]"
_UPPER = "[\u0eb1\u0eb4-\u0eb7\u0ebb]"

# name -> (pattern, replacement): one look-alike way of typing what the pattern finds
LOOK_ALIKES = {
    "ໍ, tone, າ for tone, ຳ": (f"({_TONE})ຳ", "ໍ\\1າ"),
    "tone, ໍ, າ for tone, ຳ": (f"({_TONE})ຳ", "\\1ໍາ"),
    "ໍາ for ຳ": ("(?<![\u0ec8-\u0ecb])ຳ", "ໍາ"),
    "ຫລ for ຫຼ": ("ຫຼ", "ຫລ"),
    "ຫຼ for ຫລ": ("ຫລ", "ຫຼ"),
    "ຫນ for ໜ": ("ໜ", "ຫນ"),
    "ຫມ for ໝ": ("ໝ", "ຫມ"),
    "ເເ for ແ": ("ແ", "ເເ"),
    "tone typed before its vowel": (f"({_UPPER})({_TONE})", "\\2\\1"),
    "zero-width space pasted in": ("^(..)", "\\1\u200b"),
}
#: the look-alikes that are a mistyped order or an invisible character: stored as the
#: canonical word itself
MISTYPED = ("ເເ for ແ", "tone typed before its vowel", "zero-width space pasted in")


def variants(word: str) -> dict[str, str]:
    """The look-alike typings of a word that differ from it, by name."""
    found = {}
    for name, (pattern, replacement) in LOOK_ALIKES.items():
        typed = re.sub(pattern, replacement, word)
        if typed != word:
            found[name] = typed
    return found
