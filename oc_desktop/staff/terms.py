"""The words staff records show for their codes and fields, Lao first through the catalog."""

from oc_desktop.i18n import N_, _

SEX = {"m": N_("Male"), "f": N_("Female")}
THEORY = {
    "": N_("None"),
    "basic": N_("Basic (ຂັ້ນຕົ້ນ)"),
    "intermediate": N_("Intermediate (ຂັ້ນກາງ)"),
    "advanced": N_("Advanced (ຂັ້ນສູງ)"),
}
POSITION = {
    "head": N_("Head"),
    "deputy_head": N_("Deputy head"),
    "section_head": N_("Section head"),
    "deputy_section_head": N_("Deputy section head"),
    "staff": N_("Staff member"),
}
POSITION_CHANGE = {
    "appointment": N_("Appointment"),
    "transfer": N_("Transfer"),
    "acting": N_("Acting"),
    "dismissal": N_("Dismissal"),
}
GRADE_CHANGE = {
    "start": N_("Starting grade"),
    "promotion": N_("Step promotion"),
    "adjustment": N_("Grade adjustment"),
}
EVENT = {
    "training": N_("Training"),
    "commendation": N_("Commendation"),
    "discipline": N_("Discipline"),
    "evaluation": N_("Evaluation"),
}
LEAVING = {
    "retirement": N_("Retirement"),
    "resignation": N_("Resignation"),
    "transfer_out": N_("Transfer out"),
    "death": N_("Death"),
}
BENEFIT = {"none": N_("None"), "pension": N_("Pension"), "one_time": N_("One-time allowance")}
RELATION = {
    "father": N_("Father"),
    "mother": N_("Mother"),
    "spouse": N_("Spouse"),
    "child": N_("Child"),
    "sibling": N_("Brother or sister"),
}

FIELDS = {
    "given_name": N_("Name"),
    "family_name": N_("Family name"),
    "latin_name": N_("Name in Latin letters"),
    "sex": N_("Sex"),
    "birth_date": N_("Date of birth"),
    "birth_village": N_("Village of birth"),
    "birth_district": N_("District of birth"),
    "birth_province": N_("Province of birth"),
    "ethnic_group_id": N_("Ethnic group (record no.)"),
    "ethnic_group": N_("Ethnic group"),
    "religion": N_("Religion"),
    "id_card": N_("Identity card number"),
    "phone": N_("Telephone"),
    "address": N_("Address"),
    "photo": N_("Photo"),
    "education": N_("General education"),
    "specialised": N_("Specialised education"),
    "political_theory": N_("Political theory"),
    "state_management": N_("State management"),
    "languages": N_("Foreign languages"),
    "computing": N_("Computing"),
    "party_joined": N_("Joined the Party"),
    "party_full": N_("Full Party member"),
    "youth_joined": N_("Joined the Youth Union"),
    "women_joined": N_("Joined the Women's Union"),
    "union_joined": N_("Joined the Trade Union"),
    "service_entry": N_("Entered service"),
    "section_id": N_("Section (record no.)"),
    "retirement_postponed_to": N_("Retirement postponed to"),
    "notes": N_("Notes"),
    "relation": N_("Relation"),
    "name": N_("Name"),
    "birth_year": N_("Year of birth"),
    "occupation": N_("Occupation"),
    "person_id": N_("Person (record no.)"),
    "change": N_("Change"),
    "position": N_("Position"),
    "title": N_("Title"),
    "grade": N_("Grade"),
    "step": N_("Step"),
    "kind": N_("Kind"),
    "start": N_("From"),
    "end": N_("To"),
    "by_whom": N_("Institution or issuer"),
    "result": N_("Result"),
    "reason": N_("Reason"),
    "benefit": N_("Benefit"),
    "amount": N_("Amount (kip)"),
    "decision_number": N_("Decision number"),
    "decision_date": N_("Decision date"),
    "as_of": N_("As of"),
    "minority": N_("Ethnic minority"),
    "months": N_("Months ahead"),
    "family": N_("Family"),
}
CODED = {
    "sex": SEX,
    "political_theory": THEORY,
    "position": POSITION,
    "change": {**POSITION_CHANGE, **GRADE_CHANGE},
    "kind": EVENT,
    "reason": LEAVING,
    "benefit": BENEFIT,
    "relation": RELATION,
}


def word(labels: dict[str, str], value: str | None) -> str:
    """A code in words, in the language shown; an unknown code as it is."""
    if value is None:
        return ""
    return _(labels[value]) if value in labels else value
