"""The document register as an area of the program: roles, tables, audit words, tab."""

from oc_desktop.documents import terms
from oc_desktop.i18n import N_
from oc_desktop.registers.numbering import SECRET_SERIES
from oc_desktop.sections import Area
from oc_desktop.security import CLERK, HEAD, READER

# kept by the program itself from the text (and made again when Lao keying changes)
SORT_KEYS = frozenset(
    {"subject_sort", "party_sort", "subject_sort_all", "party_sort_all", "doc_number_sort"}
)

AREA = Area(
    key="documents",
    label=N_("Documents"),
    writers=frozenset({CLERK}),
    readers=frozenset({HEAD, READER}),
    traced={name: SORT_KEYS for name in ("incoming_document", "outgoing_document")},
    tables={
        "incoming_document": N_("Incoming documents"),
        "outgoing_document": N_("Outgoing documents"),
        "routing": N_("Routes of incoming documents"),
        "document_copy": N_("Copies made"),
        "scan": N_("Attached scans"),
        "correspondent": N_("Senders and recipients"),
        "document_kind": N_("Document kinds"),
    },
    entities={
        "incoming_document": N_("Incoming document"),
        "outgoing_document": N_("Outgoing document"),
        "document_copy": N_("Copies of a document"),
        "scan": N_("Scan"),
        "document_kind": N_("Document kind"),
        "incoming_book": N_("Register of incoming documents"),
        "outgoing_book": N_("Register of outgoing documents"),
        "delivery_book": N_("Delivery book"),
        "routing_slip": N_("Routing slip"),
        "outgoing_letter": N_("Outgoing letter"),
    },
    fields={
        "register": N_("Register"),
        "document": N_("Document (record no.)"),
        "period": N_("Period"),
        "series": N_("Number series"),
        "seq": N_("Running number"),
        "number": N_("Number"),
        "received_at": N_("Arrived"),
        "sender": N_("Sender"),
        "sender_id": N_("Sender (record no.)"),
        "doc_number": N_("Document number"),
        "doc_date": N_("Document date"),
        "kind": N_("Kind"),
        "kind_id": N_("Kind (record no.)"),
        "subject": N_("Subject"),
        "pages": N_("Pages"),
        "urgency": N_("Urgency"),
        "secrecy": N_("Secrecy"),
        "notes": N_("Notes"),
        "status": N_("Status"),
        "due_date": N_("Deadline"),
        "signer": N_("Signer"),
        "recipients": N_("Recipients"),
        "copies": N_("Copies"),
        "file_copy_at": N_("File copy kept at"),
        "answers_id": N_("Answers incoming (record no.)"),
        "sent_on": N_("Sent on"),
        "void_reason": N_("Reason void"),
        "section": N_("Section"),
        "section_id": N_("Section (record no.)"),
        "person": N_("Person responsible"),
        "instruction": N_("Head's instruction"),
        "deadline": N_("Deadline"),
        "handed_on": N_("Handed over on"),
        "for_whom": N_("For whom"),
        "authorised_by": N_("Authorised by"),
        "made_on": N_("Made on"),
        "sha256": N_("Checksum (SHA-256)"),
        "documents": N_("Number of documents"),
        "name": N_("Name"),
        "file": N_("File"),
        "search": N_("Search"),
        "rows": N_("Rows"),
        "shown": N_("Secret entries shown (record no.)"),
    },
    coded={
        "urgency": terms.URGENCY,
        "secrecy": terms.SECRECY,
        "status": terms.STATUS,
        "register": terms.REGISTER,
        "series": {SECRET_SERIES: N_("Secret documents' series")},
    },
    dates=frozenset({"doc_date", "due_date", "sent_on", "deadline", "handed_on", "made_on"}),
    rekey="oc_desktop.documents.rekey:rekey",
    mask="oc_desktop.documents.audit_mask:mask_rows",
    tab="oc_desktop.ui.documents:make_tab",
    exchange={
        "incoming": "oc_desktop.documents.exchange:INCOMING",
        "outgoing": "oc_desktop.documents.exchange:OUTGOING",
    },
)
