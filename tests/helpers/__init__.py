"""What several test modules share; test modules never import each other."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS_DIR = ROOT.parent / "shared" / "seeds"
FIXTURES_DIR = ROOT / "tests" / "fixtures"
PASSWORD = "ລະຫັດ-2024-ok"  # every test user's password; Lao too, as people type them
