"""Recipients pasted as one text become one name each, whatever the separator, and a
comma inside a name the directory knows stays in it."""

from oc_desktop.documents.recipients import split_names

KNOWN = ["ພະແນກຖະແຫຼງຂ່າວ, ວັດທະນະທຳ ແລະ ທ່ອງທ່ຽວແຂວງ", "ພະແນກການເງິນແຂວງ"]


def test_commas_semicolons_and_new_lines_each_separate_names():
    text = "ພະແນກການເງິນແຂວງ, ຫ້ອງການແຂວງ;ຄະນະຈັດຕັ້ງແຂວງ\nພະແນກສຶກສາ\r\n ; ,\nກົມການເມືອງ"
    assert split_names(text) == [
        "ພະແນກການເງິນແຂວງ",
        "ຫ້ອງການແຂວງ",
        "ຄະນະຈັດຕັ້ງແຂວງ",
        "ພະແນກສຶກສາ",
        "ກົມການເມືອງ",
    ]


def test_a_known_name_keeps_its_comma_typed_in_any_spelling():
    text = "ພະແນກຖະແຫລງຂ່າວ,ວັດທະນະທຳ ແລະ ທ່ອງທ່ຽວແຂວງ, ພະແນກການເງິນແຂວງ, ຫ້ອງການແຂວງ"
    assert split_names(text, KNOWN) == [
        "ພະແນກຖະແຫລງຂ່າວ, ວັດທະນະທຳ ແລະ ທ່ອງທ່ຽວແຂວງ",
        "ພະແນກການເງິນແຂວງ",
        "ຫ້ອງການແຂວງ",
    ]
    assert split_names(text)[0] == "ພະແນກຖະແຫລງຂ່າວ"  # unknown: the comma separates


def test_nothing_typed_is_no_name():
    assert split_names("") == [] and split_names(" ;\n, ") == []
