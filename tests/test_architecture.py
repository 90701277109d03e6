"""The house rules the code must keep (docs/ARCHITECTURE.md): the layer order, no circles, one reader of
the environment, nothing importing the composition root."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("pages", "callbacks", "lite", "api", "kelola", "components", "firstview", "static_html", "serving",
            "models", "budget", "etl", "settings")  # fmt: skip


def _modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def test_the_import_contract_holds():
    """`lint-imports` with the contract in pyproject.toml: layers, and no circles inside a package."""
    lint = Path(sys.executable).with_name("lint-imports")
    proc = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "2 kept, 0 broken" in proc.stdout


def test_the_contract_catches_an_upward_import(tmp_path):
    """The contract is not vacuous: an upward import inside a function (the kind it must also see) fails it."""
    import shutil

    copy = tmp_path / "repo"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv*", ".git", "data", ".cache", "node_modules"))
    (copy / "budget" / "_probe.py").write_text("def f():\n    from models import home\n\n    return home\n")
    lint = Path(sys.executable).with_name("lint-imports")
    proc = subprocess.run([str(lint)], cwd=copy, capture_output=True, text=True)
    assert proc.returncode != 0 and "budget._probe -> models.home" in proc.stdout, proc.stdout[-2000:]


def test_nothing_imports_the_app_module():
    for path, tree in _modules():
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            assert "app" not in {n.split(".")[0] for n in names}, f"{path.relative_to(ROOT)}:{node.lineno}"


def test_only_the_settings_read_the_environment():
    """Every setting is read by `settings` (one typed object); no other module reads os.environ/getenv."""
    offenders = []
    for path, tree in _modules():
        if path.parts[-2] == "settings":
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv"):
                if isinstance(node.value, ast.Name) and node.value.id == "os":
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offenders, offenders


def test_a_bad_setting_is_refused_by_name(monkeypatch):
    import settings

    monkeypatch.setenv("QUERY_TIMEOUT", "dua")
    with pytest.raises(settings.SettingError, match="QUERY_TIMEOUT: expected a number, found 'dua'"):
        settings.current()
    monkeypatch.setenv("QUERY_TIMEOUT", "0.5")
    monkeypatch.setenv("REGION", "Batang")
    with pytest.raises(settings.SettingError, match="REGION: expected a kabupaten/kota code"):
        settings.current()
    monkeypatch.setenv("REGION", "33.26")
    assert settings.current().region == "33.26" and settings.current().query_timeout == 0.5


def test_every_setting_is_in_the_readme():
    import settings

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in settings.VARIABLES if f"`{name}`" not in readme]
    assert not missing, missing


def test_code_patterns_come_only_from_the_data_contract():
    """The shapes of the data's codes (OPD, programme, account, kecamatan, village, kegiatan) are written
    once, in `etl/schema.py`; the drill, the API and the pages compile them from there."""
    import ast

    shapes = (r"\d{2}\.\d{2}", r"[4-6]", r"\d\.\d{2}", r"\d{1,2}(\.")
    offenders = []
    for package in ("api", "budget", "callbacks", "components", "firstview", "kelola", "lite", "models", "serving"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    if any(shape in node.value for shape in shapes):
                        offenders.append(f"{path.relative_to(ROOT)}: {node.value!r}")
    assert offenders == []
