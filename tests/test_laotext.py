from oc_desktop.laotext import (
    clean,
    has_control_characters,
    search_key,
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
