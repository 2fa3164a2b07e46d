import pytest

from oc_desktop.profile import (
    DEFAULT_SECTIONS,
    SETTING_DEFAULTS,
    SectionRow,
    SignerRow,
    get_setting,
    load_profile,
    save_profile,
    set_setting,
)
from oc_desktop.security import SYSTEM
from oc_desktop.validation import ValidationError


def _save(db, **changes):
    profile = load_profile(db)
    values = dict(
        name="ຄະນະໂຄສະນາອົບຮົມແຂວງຈຳປາສັກ",
        abbreviation="ຄ.ອ.ຮ.ຂ",
        place="ຈຳປາສັກ",
        parent_body="",
        sections=list(profile.sections),
        signers=[SignerRow(None, "ຫົວໜ້າຄະນະ", "ບຸນມີ ພົມມະຈັນ")],
    )
    values.update(changes)
    return save_profile(db, actor=SYSTEM, **values)


def test_a_new_office_starts_with_the_four_sections_of_article_5(db):
    profile = load_profile(db)
    assert [s.name for s in profile.sections] == list(DEFAULT_SECTIONS)
    assert profile.name == ""


def test_profile_is_saved_and_read_back(db):
    saved = _save(db)
    assert saved.name == "ຄະນະໂຄສະນາອົບຮົມແຂວງຈຳປາສັກ"
    assert saved.place == "ຈຳປາສັກ"
    assert [(s.title, s.name) for s in saved.signers] == [("ຫົວໜ້າຄະນະ", "ບຸນມີ ພົມມະຈັນ")]


def test_a_removed_section_is_retired_and_keeps_its_id(db):
    first, *rest = load_profile(db).sections
    renamed = SectionRow(first.id, "ຂະແໜງ ບໍລິຫານ")
    profile = _save(db, sections=[renamed, *rest[:-1]])
    assert profile.sections[0] == renamed
    assert len(profile.sections) == 3
    restored = _save(db, sections=[*profile.sections, SectionRow(None, "ຂະແໜງ ໃໝ່")])
    assert restored.sections[-1].id not in {s.id for s in profile.sections}


def test_bad_input_is_reported_per_field_and_nothing_is_saved(db):
    _save(db)
    with pytest.raises(ValidationError) as error:
        _save(db, name="", abbreviation="x" * 41, place="ບ່ອນ\x07", sections=[])
    assert set(error.value.errors) == {"name", "abbreviation", "place", "sections"}
    assert error.value.errors["name"] == "ຕ້ອງໃສ່ຂໍ້ມູນຊ່ອງນີ້."
    assert load_profile(db).name == "ຄະນະໂຄສະນາອົບຮົມແຂວງຈຳປາສັກ"


def test_settings_have_documented_defaults_and_are_stored(db):
    assert get_setting(db, "due_soon_days") == SETTING_DEFAULTS["due_soon_days"]
    set_setting(db, actor=SYSTEM, key="due_soon_days", value=7)
    assert get_setting(db, "due_soon_days") == 7
    with pytest.raises(KeyError):
        set_setting(db, actor=SYSTEM, key="no_such_setting", value=1)


def test_two_sections_named_alike_are_refused(db):
    sections = list(load_profile(db).sections)
    twin = sections[0].name.replace("ແໜງ", "ເເຫນງ").replace(" ", "")
    with pytest.raises(ValidationError) as error:
        _save(db, sections=[*sections, SectionRow(None, twin)])
    assert set(error.value.errors) == {"sections"}
    assert len(load_profile(db).sections) == len(sections)
