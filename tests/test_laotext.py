from oc_desktop.laotext import (
    FIELD_SEPARATOR,
    clean,
    has_control_characters,
    identity_key,
    index_text,
    search_key,
    search_words,
    sort_key,
    to_arabic_digits,
    to_lao_digits,
)


def test_prefixed_vowels_sort_by_their_consonant_as_in_a_dictionary():
    words = ["ເອກະສານ", "ອາຫານ", "ກາ", "ໄກ່", "ຂາ", "ເກົ່າ", "ອື່ນ", "ແກ້ວ"]
    assert sorted(words, key=sort_key) == [
        "ກາ",
        "ເກົ່າ",
        "ແກ້ວ",
        "ໄກ່",
        "ຂາ",
        "ອາຫານ",
        "ອື່ນ",
        "ເອກະສານ",
    ]
    # a code-point sort files ເອກະສານ among the words that begin with ເ, before ແ and ໄ
    assert sorted(words).index("ເອກະສານ") < sorted(words).index("ໄກ່")


def test_sort_key_is_bytes_and_orders_like_the_strings():
    assert isinstance(sort_key("ກາ"), bytes)
    assert sort_key("ກາ") < sort_key("ຂາ") < sort_key("ອາ")
    assert sort_key("") < sort_key("ກ")
    assert sort_key("中文 𠀀")  # ideographs beyond 16-bit weights still encode


def test_digits_both_ways():
    assert to_arabic_digits("ເລກທີ ໔໙/ຄປພຂ") == "ເລກທີ 49/ຄປພຂ"
    assert to_lao_digits("11.12.2023") == "໑໑.໑໒.໒໐໒໓"


def test_search_key_matches_whatever_way_a_word_was_typed():
    assert search_key("ໜັງສືສະເໜີ") == search_key("ຫນັງສືສະເຫນີ")
    assert search_key("ໝາກ") == search_key("ຫມາກ")
    assert search_key("ນ້ຳ") == search_key("ນ້ໍາ")
    assert search_key("ເລກທີ ໑໒໖໕") == search_key("ເລກທີ 1265")
    assert search_key("  ABC\u200b  def ") == "abc def"
    assert search_key("ສັນຕິພາບ") in search_key("ສັນຕິພາບ ເອກະລາດ ປະຊາທິປະໄຕ")


def test_clean_removes_control_characters_and_composes():
    assert clean(" ກ\u0000າ\u200b ") == "ກາ"
    assert has_control_characters("a\x07b")
    assert not has_control_characters("line one\nline two\tend")


# Look-alike spellings, over the generated word list (tests/helpers/lao_corpus.py).


def test_every_look_alike_of_every_word_has_its_search_and_identity_key():
    from helpers.lao_corpus import variants, words

    checked = 0
    for word in words():
        for name, typed in variants(word).items():
            assert search_key(typed) == search_key(word), (name, word)
            assert identity_key(typed) == identity_key(word), (name, word)
            checked += 1
    assert checked > 1500


def test_a_mistyped_order_or_pasted_invisible_is_stored_as_the_word_itself():
    from helpers.lao_corpus import MISTYPED, variants, words

    for word in words():
        assert clean(word) == word
        for name, typed in variants(word).items():
            if name in MISTYPED:
                assert clean(typed) == word, (name, word)
            elif name == "tone, ໍ, າ for tone, ຳ":  # the tone goes after ໍ
                assert clean(typed) == variants(word)["ໍ, tone, າ for tone, ຳ"]
            else:  # another spelling of the word: kept as typed
                assert clean(typed) == typed, (name, word)


def test_clean_puts_marks_in_order_and_keeps_what_was_typed():
    assert clean("ທ່ີ") == "ທີ່"  # tone typed before its vowel
    assert clean("ນຳ້") == "ນ້ຳ"  # tone typed after ຳ
    assert clean("ນ້ໍາ") == "ນໍ້າ"  # tone typed before ໍ
    assert clean("ທີ່່") == "ທີ່"  # a mark typed twice
    assert clean("ເເຂວງ") == "ແຂວງ"
    assert clean("ກ\u200bາ\u2060ນ\ufeff") == "ການ"
    assert clean("ນໍ້າ ຫລາຍ ຫນ້າ") == "ນໍ້າ ຫລາຍ ຫນ້າ"  # look-alike spellings stay as typed
    assert not has_control_characters("ກ\u200bາ")  # removed, never refused


def test_spaces_next_to_lao_do_not_matter_and_words_are_split_by_spaces():
    assert search_key("ກ່ຽວກັບ ການ") == search_key("ກ່ຽວກັບການ")
    assert search_key("ເລກທີ ໑໒") == search_key("ເລກທີ12")
    assert search_key("Vientiane  Times") == "vientiane times"
    assert search_words("ກ່ຽວກັບ  ການ ABC ການ") == ["ກ່ຽວກັບ", "ການ", "abc"]
    assert search_words("  \u200b ") == []
    assert identity_key("12 / ກຊ") == identity_key("໑໒/ກຊ")


def test_index_text_keeps_fields_apart():
    text = index_text(["201/ຄອສພ", "ຄະນະຈັດຕັ້ງ", "", "ສະເໜີ ງົບປະມານ"])
    assert text.split(FIELD_SEPARATOR) == ["201/ຄອສພ", "ຄະນະຈັດຕັ້ງ", search_key("ສະເໜີງົບປະມານ")]
    assert "ງສ" not in text  # the sender's last letter and the subject's first
    assert all(FIELD_SEPARATOR not in w for w in search_words("ງ \n ສ"))


def test_look_alikes_sort_together():
    assert sort_key("ທ່ີ") == sort_key("ທີ່")
    assert sort_key("ເເຂວງ") == sort_key("ແຂວງ")


def test_an_index_key_made_from_a_long_texts_first_letters_is_the_whole_keys_start():
    """``index_sort_key`` collates only the head of a long text: the bytes must be those of
    the whole text's key, whatever the words, marks, digits or cut."""
    import random

    from helpers import lao_corpus

    from oc_desktop.documents import demo
    from oc_desktop.laotext.collation import INDEX_KEY_BYTES, index_sort_key, sort_key

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, list | tuple | set):
            for item in value:
                yield from strings(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from (*strings(key), *strings(item))

    pool = [w for name in dir(lao_corpus) if not name.startswith("_")
            for w in strings(getattr(lao_corpus, name))]  # fmt: skip
    pool += [w for name in ("TOPICS", "TAILS", "SENDERS") for w in strings(getattr(demo, name))]
    pool += ["ຫນັງສື", "ໜັງສື", "ກ້ໍ", "ເ", "໑໒໓", "ABC xyz", "é", "中文", "  "]
    rng = random.Random(11)
    long_ones = 0
    for _ in range(3000):
        text = " ".join(rng.choice(pool) for _ in range(rng.randint(1, 14)))
        if rng.random() < 0.3:
            text = text[: rng.randint(0, len(text))]
        long_ones += len(text) > 64
        index_sort_key.cache_clear()
        assert index_sort_key(text) == sort_key(text)[:INDEX_KEY_BYTES], text
    assert long_ones > 500  # the head-only path was taken, not just the whole-text one
