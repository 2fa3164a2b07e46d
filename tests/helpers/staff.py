"""Staff files made through the real operations, for the staff tests."""

from datetime import date

from oc_desktop.staff.people import PersonData, save_person

# The smallest valid JPEG header a check by signature accepts, and a PNG made by Qt-free code.
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def person_data(**overrides) -> PersonData:
    values = dict(
        given_name="ສົມພອນ",
        family_name="ແກ້ວມະນີ",
        latin_name="Somphone Keomany",
        sex="f",
        birth_date=date(1985, 3, 14),
        service_entry=date(2008, 9, 1),
        birth_village="ບ້ານໂພນສະອາດ",
        birth_district="ເມືອງສະໜາມໄຊ",
        birth_province="ແຂວງອັດຕະປື",
        id_card="0101-123456",
    )
    values.update(overrides)
    return PersonData(**values)


def new_person(db, actor, **overrides) -> int:
    return save_person(db, actor=actor, data=person_data(**overrides))
