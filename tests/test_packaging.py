"""The wheel ships every subpackage: pyproject.toml lists them by name (models/ is
mapped into the package), so a new subpackage missing from that list would be
absent from a non-editable install."""
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "newsextract").rglob("__init__.py")}
    assert found - listed == set()
    assert "newsextract.models" in listed
