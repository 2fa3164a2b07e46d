"""Test-only: save entries through the app's Database in a loop until killed.

Each id is printed only after its transaction's commit has returned, so every id the
test reads is an entry whose save the program had reported done.
    python tests/helpers/crash_writer.py DATA_DIR SEED
"""

import random
import sys
from pathlib import Path

from oc_desktop.models import Section
from oc_desktop.models.migrate import open_database


def main() -> None:
    data_dir, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    db = open_database(data_dir)
    print("ready", flush=True)
    serial = 0
    while True:
        # sizes vary, so the WAL grows past its checkpoint point at random moments
        count = rng.choice((1, 1, 1, 5, 40))
        with db.begin() as session:
            rows = [
                Section(
                    name=f"crash {seed}-{serial + i} " + "ສ" * rng.randint(0, 3000),
                    position=serial + i,
                    active=True,
                )
                for i in range(count)
            ]
            session.add_all(rows)
            session.flush()
            ids = [row.id for row in rows]
        serial += count
        sys.stdout.write("".join(f"{row_id}\n" for row_id in ids))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
