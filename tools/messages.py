"""The gettext catalogues (`locale/`): check them against the code, and keep the template in step.

    python tools/messages.py check          # missing, empty, unused or mismatched messages (exit 1 if any)
    python tools/messages.py pot            # rewrite locale/messages.pot from the Indonesian catalogue
    python tools/messages.py drop KEY ...   # remove messages from the template and every language

Adding a message: add it to `locale/id/LC_MESSAGES/messages.po` and to every other language, then run
`pot` and `make messages`. Adding a language: copy `locale/en/LC_MESSAGES/messages.po` to
`locale/<code>/LC_MESSAGES/messages.po`, translate every msgstr, and run `make messages`; nothing else.

A message is used when the code names its key as a literal ("nav.home"; `k("login")` in the console
is `kelola.login`), or when the code builds keys of its family from a checked value (f"tahap.{tahap}",
'kind.' ~ kode in a template). A family's members are then all counted as used, so keep families small
and their values allow-listed.
"""

from __future__ import annotations

import re
import string
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
POT = LOCALE / "messages.pot"
CODE_DIRS = (
    "api",
    "budget",
    "callbacks",
    "components",
    "firstview",
    "kelola",
    "lite",
    "models",
    "pages",
    "serving",
    "settings",
    "static_html",
    "dash_compat",
    "etl",
)
CODE_FILES = ("app.py",)

RE_LITERAL = re.compile(r"""["']([a-z][a-z0-9_]*(?:\.[a-zA-Z0-9_-]+)+)["']""")
RE_FAMILY = re.compile(
    r"""f["']([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*\.)\{|["']([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*\.)["']\s*[~+]"""
)
RE_CALL = re.compile(r"""\b(t|tr|k|w)\(\s*["']([^"'{}]+)["']""")
RE_WORD = re.compile(r"""["']([a-z][a-z0-9_]*)["']""")
CONSOLE = "kelola."
# Helpers that prefix their keys: k("login") in the console is kelola.login, w("title") in the API page is
# apidoc.title. (helper, folder, prefix)
PREFIXED = (("k", "kelola", "kelola."), ("w", "api", "apidoc."))


def catalogue_paths() -> dict[str, Path]:
    return {po.parent.parent.name: po for po in sorted(LOCALE.glob("*/LC_MESSAGES/messages.po"))}


def read(path: Path):
    with path.open("rb") as f:
        return read_po(f)


def write(path: Path, catalog) -> None:
    with path.open("wb") as f:
        write_po(f, catalog, width=100, sort_output=False)


def code_files() -> list[Path]:
    files = [ROOT / f for f in CODE_FILES]
    for d in CODE_DIRS:
        files += [p for p in (ROOT / d).rglob("*") if p.suffix in (".py", ".html", ".js")]
    return files


def references(keys: set[str]) -> tuple[set[str], set[str]]:
    """(keys named as literals, key families built from values) in the code. In the console (`kelola/`),
    whose `k()` prefixes every key with `kelola.`, a literal or family is the console's own when the
    catalogue has it so."""
    literals, families = set(), set()
    for path in code_files():
        text = path.read_text(encoding="utf-8")
        found = set(RE_LITERAL.findall(text))
        built = {a or b for a, b in RE_FAMILY.findall(text)}
        for _fn, folder, prefix in PREFIXED:
            if folder in path.parts:
                found |= set(RE_WORD.findall(text))
                found = {prefix + key if prefix + key in keys else key for key in found}
                built |= {prefix + f for f in built}
        literals |= found
        families |= built
    for _fn, _folder, prefix in PREFIXED:
        families.discard(prefix)  # the helper itself: its keys are counted one by one
    return literals, families


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def check() -> list[str]:
    """Every problem, in words: a key the code uses that the catalogue lacks, a message no code uses, a
    language without a message or with a different set of placeholders, a template out of step."""
    problems: list[str] = []
    langs = {lang: {m.id: m.string for m in read(po) if m.id} for lang, po in catalogue_paths().items()}
    if "id" not in langs or "en" not in langs:
        return ["locale/: the Indonesian and English catalogues are both required"]
    keys = set(langs["id"])
    template = {m.id for m in read(POT) if m.id}
    if template != keys:
        problems.append(
            f"locale/messages.pot is out of step with id (run `python tools/messages.py pot`): "
            f"{sorted(template ^ keys)[:10]}"
        )
    for lang, messages in langs.items():
        for key in sorted(keys - set(messages)):
            problems.append(f"{lang}: no message {key}")
        for key in sorted(set(messages) - keys):
            problems.append(f"{lang}: {key} is not in the Indonesian catalogue")
        for key, text in messages.items():
            if key in keys and not text:
                problems.append(f"{lang}: {key} is untranslated (empty msgstr)")
            elif key in keys and fields(text) != fields(langs["id"][key]):
                problems.append(
                    f"{lang}: {key} has placeholders {sorted(fields(text))}, "
                    f"Indonesian has {sorted(fields(langs['id'][key]))}"
                )
    literals, families = references(keys)
    for key in sorted(calls() - keys):
        problems.append(f"code: {key} is asked for but has no message")
    for key in sorted(keys):
        if key not in literals and not any(key.startswith(f) for f in families):
            problems.append(f"catalogue: {key} is not used by any code")
    return problems


def calls() -> set[str]:
    """Every key the code asks for by name: t("...") and tr('...') anywhere, the prefixing helpers' keys."""
    out = set()
    for path in code_files():
        for fn, key in RE_CALL.findall(path.read_text(encoding="utf-8")):
            if key.endswith("."):  # a family built from a value (`"kind." ~ kode`)
                continue
            prefix = next((p for f, folder, p in PREFIXED if f == fn and folder in path.parts), "")
            if fn in ("t", "tr") or prefix:
                out.add(prefix + key)
    return out


def pot() -> None:
    source = read(catalogue_paths()["id"])
    template = read(POT)
    old = {m.id for m in template if m.id}
    for m in list(template):
        if m.id and m.id not in source:
            del template[m.id]
    for m in source:
        if m.id and m.id not in old:
            template.add(m.id, "", auto_comments=[m.string], flags=m.flags)
        elif m.id:
            template[m.id].auto_comments = [m.string]
    write(POT, template)


def drop(keys: list[str]) -> None:
    for path in [POT, *catalogue_paths().values()]:
        catalog = read(path)
        for key in keys:
            if key in catalog:
                del catalog[key]
        write(path, catalog)


def main(argv: list[str]) -> int:
    if argv[:1] == ["pot"]:
        pot()
        return 0
    if argv[:1] == ["drop"] and argv[1:]:
        drop(argv[1:])
        return 0
    if argv[:1] == ["check"]:
        problems = check()
        print("\n".join(problems) or f"{len(catalogue_paths())} catalogues, no problems")
        return 1 if problems else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
