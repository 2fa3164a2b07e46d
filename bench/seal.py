"""The seal use log at scale, against the document register in the same file and run.

    .venv/bin/python bench/seal.py --uses 200000

Builds (or reuses, under bench/data/) a data file with N incoming documents (the
document register, the baseline), N/4 outgoing letters and N uses of one seal, each
use chained as the program chains it, a quarter naming a letter. Then, median of 5:
the use log's first page and count as the Seal tab reads them (``fetch_uses``,
``count_uses``) against the incoming register's (``fetch_page``, ``count_rows``);
search for the same fragments in both (first page, then count); the use log filtered
by seal and period; and the whole chain check. The last line is one JSON object.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select

from oc_desktop.audit import GENESIS
from oc_desktop.demo import fill_profile
from oc_desktop.documents.demo import bulk_incoming, subject
from oc_desktop.documents.query import RegisterQuery, count_rows, fetch_page
from oc_desktop.documents.search_index import index_texts, insert_statement
from oc_desktop.models import OutgoingDocument, Seal, SealUse
from oc_desktop.models.migrate import open_database
from oc_desktop.registers.paging import PAGE
from oc_desktop.seal.chain import HASHED, digest, verify_seal_chains
from oc_desktop.seal.handovers import record_handover
from oc_desktop.seal.query import UseQuery, count_uses, fetch_uses
from oc_desktop.seal.seals import add_seal
from oc_desktop.security import CLERK, SYSTEM, Actor
from oc_desktop.users import create_user

HERE = Path(__file__).resolve().parent
QUERIES = ("ກ", "12", "ການ", "ສຳມະນາ", "ງົບປະມານ", "ການຝຶກອົບຮົມພະນັກ", "ປະຈຳໄຕມາດ 3")
YEARS = 10


def build(folder: Path, uses: int):
    folder.mkdir(parents=True, exist_ok=True)
    db = open_database(folder)
    if (folder / "built").exists():
        return db
    rng = random.Random(7)
    fill_profile(db, rng)
    started = time.perf_counter()
    bulk_incoming(db, rng, count=uses, years=YEARS)
    keeper = create_user(
        db,
        actor=SYSTEM,
        username="clerk",
        full_name="ນາງ ມະນີວັນ ສີລາວົງ",
        password="bench-password-1",
        roles=[CLERK],
    )
    first = date(date.today().year - YEARS, 1, 1)
    seal_id = add_seal(db, actor=SYSTEM, name="ຕາປະທັບມົນ", kind="official", since=first)
    record_handover(
        db,
        actor=SYSTEM,
        seal_id=seal_id,
        from_id=None,
        to_id=keeper.user_id,
        witness="ທ່ານ ບຸນມີ",
        left_at=datetime.combine(first, datetime.min.time()),
        due_back=None,
        authorised_by="ຫົວໜ້າ",
        authorisation_number="1/ຄອຮຂ",
        authorisation_date=first,
        reason="ມອບໃຫ້ເກັບຮັກສາ",
        leaves_premises=False,
        condition="",
    )
    _bulk_letters_and_uses(db, rng, uses, seal_id, keeper.user_id, first)
    print(f"built {uses} uses in {time.perf_counter() - started:.0f} s", flush=True)
    (folder / "built").write_text(str(uses))
    return db


def _bulk_letters_and_uses(db, rng, uses: int, seal_id: int, keeper: int, first: date):
    letters = uses // 4
    span = (date.today() - first).days - 2
    with db.begin() as session:
        rows, index_rows = [], []
        for n in range(1, letters + 1):
            day = first + timedelta(days=1 + n * span // (letters + 1))
            words = subject(rng, day)
            rows.append(
                dict(id=n, period=day.year, series="", seq=n, number=f"{n}/ຄອຮຂ", doc_date=day,
                     subject=words, subject_sort=b"", party_sort=b"", signer="ຫົວໜ້າ",
                     recipients=["ພະແນກ"], copies=1, file_copy_at="", urgency=0, secrecy=0,
                     notes="", created_at=datetime.now(), updated_at=datetime.now())
            )  # fmt: skip
            texts = index_texts(secrecy=0, numbers=[f"{n}/ຄອຮຂ"], words=[words])
            index_rows.append({"id": n, **texts})
        session.execute(insert(OutgoingDocument), rows)
        session.execute(insert_statement("outgoing"), index_rows)
        previous = session.scalar(select(SealUse.hash).order_by(SealUse.id.desc())) or GENESIS
        batch, seq, year = [], 0, None
        now = datetime.now().replace(microsecond=0)
        for n in range(1, uses + 1):
            used_at = datetime.combine(first, datetime.min.time()) + timedelta(
                minutes=60 + n * (span * 24 * 60) // (uses + 1)
            )
            seq = seq + 1 if used_at.year == year else 1
            year = used_at.year
            letter = n // 4 if n % 4 == 0 and n // 4 <= letters else None
            values = dict(
                id=n, period=year, series="", seq=seq, seal_id=seal_id, corrects_id=None,
                created_at=now, created_by=None, used_at=used_at, outgoing_id=letter,
                described="" if letter else rng.choice(("ໃບຢັ້ງຢືນເງິນເດືອນ", "ໃບມອບສິດ")),
                impression_kind="signature", impressions=1, sheets=1, requested_by="ສີສະຫວາດ",
                approved_by="ຄຳພອນ", applied_by_id=keeper,
            )  # fmt: skip
            values["prev_hash"] = previous
            values["hash"] = previous = digest(SealUse, values, previous)
            values["updated_at"] = now
            batch.append(values)
            if len(batch) == 20_000 or n == uses:
                session.execute(insert(SealUse), batch)
                batch = []
        assert set(HASHED[SealUse]) <= set(values)


def median_ms(call, times: int = 5) -> float:
    samples = []
    for _ in range(times):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(samples), 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--uses", type=int, default=200_000)
    args = parser.parse_args()
    db = build(HERE / "data" / f"seal-{args.uses}", args.uses)
    reader = Actor(None, "bench", "bench", frozenset({CLERK}), 1)
    today = date.today()
    with db.read() as session:
        seal_id = session.scalar(select(Seal.id))

    def uses_page(query):
        return fetch_uses(db, actor=reader, query=query, after=None, limit=PAGE)

    def documents_page(query):
        return fetch_page(db, reader, query, after=None, limit=PAGE, today=today)

    result = {
        "uses": args.uses,
        "uses_first_page_ms": median_ms(lambda: uses_page(UseQuery())),
        "uses_count_ms": median_ms(lambda: count_uses(db, actor=reader, query=UseQuery())),
        "baseline_documents_first_page_ms": median_ms(lambda: documents_page(RegisterQuery())),
        "baseline_documents_count_ms": median_ms(
            lambda: count_rows(db, reader, RegisterQuery(), today=today)
        ),
    }
    year = today.year - 3
    period = UseQuery(seal_id=seal_id, start=date(year, 1, 1), end=date(year, 12, 31))
    result["uses_seal_and_year_page_and_count_ms"] = median_ms(
        lambda: (uses_page(period), count_uses(db, actor=reader, query=period))
    )
    searches, baselines = [], []
    for text in QUERIES:
        searches.append(
            median_ms(
                lambda text=text: (
                    uses_page(UseQuery(text=text)),
                    count_uses(db, actor=reader, query=UseQuery(text=text)),
                ),
                times=3,
            )
        )
        baselines.append(
            median_ms(
                lambda text=text: (
                    documents_page(RegisterQuery(text=text)),
                    count_rows(db, reader, RegisterQuery(text=text), today=today),
                ),
                times=3,
            )
        )
    result["uses_search_page_and_count_ms"] = dict(zip(QUERIES, searches, strict=True))
    result["uses_search_median_ms"] = statistics.median(searches)
    result["uses_search_max_ms"] = max(searches)
    result["baseline_documents_search_median_ms"] = statistics.median(baselines)
    result["baseline_documents_search_max_ms"] = max(baselines)
    started = time.perf_counter()
    broken = verify_seal_chains(db)
    result["verify_chains_s"] = round(time.perf_counter() - started, 2)
    result["chains_intact"] = broken is None
    db.close()
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
