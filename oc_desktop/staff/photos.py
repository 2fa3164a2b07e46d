"""A person's photo: a JPEG or PNG of reasonable size, told apart by its first bytes."""

from oc_desktop.i18n import _

PHOTO_MAX_BYTES = 2 * 1024 * 1024
_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")


def is_image(data: bytes) -> bool:
    return data.startswith(_SIGNATURES)


def check_photo(data: bytes) -> str | None:
    """Why this photo cannot be kept, or None when it can."""
    if not is_image(data):
        return _("The photo must be a JPEG or PNG image.")
    if len(data) > PHOTO_MAX_BYTES:
        return _("The photo is too big: at most 2 MB. Scan it smaller.")
    return None
