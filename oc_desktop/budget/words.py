"""An amount of kip in Lao words (ຈຳນວນເງິນເປັນຕົວໜັງສື), as finance writes it on a voucher:
2,741,034 → ສອງລ້ານເຈັດແສນສີ່ສິບເອັດພັນສາມສິບສີ່ກີບຖ້ວນ (ຊາວ for 20, ເອັດ for a final 1
after tens, ສິບພັນ for 10,000, ແສນ, ລ້ານ)."""

DIGITS = ("ສູນ", "ໜຶ່ງ", "ສອງ", "ສາມ", "ສີ່", "ຫ້າ", "ຫົກ", "ເຈັດ", "ແປດ", "ເກົ້າ")


def _below_hundred(n: int) -> str:
    tens, ones = divmod(n, 10)
    if tens == 0:
        return DIGITS[ones] if ones else ""
    words = {1: "ສິບ", 2: "ຊາວ"}.get(tens) or DIGITS[tens] + "ສິບ"
    if ones == 1:
        return words + "ເອັດ"
    return words + (DIGITS[ones] if ones else "")


def _below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    return (DIGITS[hundreds] + "ຮ້ອຍ" if hundreds else "") + _below_hundred(rest)


def _below_million(n: int) -> str:
    lakhs, rest = divmod(n, 100_000)
    thousands, rest = divmod(rest, 1_000)
    words = DIGITS[lakhs] + "ແສນ" if lakhs else ""
    if thousands:
        words += _below_hundred(thousands) + "ພັນ"
    return words + _below_thousand(rest)


def number_words(n: int) -> str:
    if n < 0:
        return "ລົບ" + number_words(-n)
    if n == 0:
        return DIGITS[0]
    millions, rest = divmod(n, 1_000_000)
    words = number_words(millions) + "ລ້ານ" if millions else ""
    return words + _below_million(rest)


def kip_words(amount: int) -> str:
    """The amount in words ending ກີບຖ້ວນ."""
    return number_words(int(amount)) + "ກີບຖ້ວນ"
