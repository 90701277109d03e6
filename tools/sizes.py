"""Print module and function sizes of the web layers and fail when a target is broken.

Targets (issue 15): no module in ``callbacks/`` over 300 lines; no function in
``callbacks/`` or ``components/`` over 80 lines; page models (``models/``) import no
Dash, Flask, plotly or HTML and hold no SQL.

    python tools/sizes.py            # the report, exit 1 when a target is broken
    python tools/sizes.py --all      # every function, not only the largest
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULE_LIMIT = {"callbacks": 300}
FUNCTION_LIMIT = {"callbacks": 80, "components": 80}
MODEL_FORBIDDEN_IMPORTS = ("dash", "flask", "plotly", "jinja2", "markupsafe", "duckdb")
SQL_WORDS = ("SELECT ", "INSERT ", "UPDATE ", "DELETE FROM", "CREATE TABLE")


def functions(tree: ast.AST):
    """Every function and method with its qualified name and line count."""

    def walk(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                name = f"{prefix}{child.name}"
                yield name, child.lineno, child.end_lineno - child.lineno + 1
                yield from walk(child, name + ".")
            elif isinstance(child, ast.ClassDef):
                yield from walk(child, f"{prefix}{child.name}.")

    yield from walk(tree, "")


def model_problems(path: Path, tree: ast.AST, root: Path = ROOT) -> list[str]:
    problems = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        for name in names:
            if name.split(".")[0] in MODEL_FORBIDDEN_IMPORTS:
                problems.append(f"{path.relative_to(root)}:{node.lineno}: imports {name}")
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            upper = node.value.upper()
            if any(word in upper for word in SQL_WORDS) and " FROM " in upper:
                problems.append(f"{path.relative_to(root)}:{node.lineno}: holds SQL")
    return problems


def main(argv: list[str], root: Path = ROOT) -> int:
    show_all = "--all" in argv
    broken: list[str] = []
    for package in ("callbacks", "components", "models"):
        print(f"{package}/")
        for path in sorted((root / package).glob("*.py")):
            if not path.is_file():
                continue
            source = path.read_text(encoding="utf-8")
            lines = len(source.splitlines())
            tree = ast.parse(source, filename=str(path))
            funcs = sorted(functions(tree), key=lambda f: -f[2])
            largest = f"{funcs[0][0]} {funcs[0][2]}" if funcs else "-"
            limit = MODULE_LIMIT.get(package)
            flag = " OVER" if limit and lines > limit else ""
            print(f"  {path.name:<22} {lines:>5} lines   largest function: {largest}{flag}")
            if flag:
                broken.append(f"{path.relative_to(root)}: {lines} lines (limit {limit})")
            flimit = FUNCTION_LIMIT.get(package)
            for name, lineno, size in funcs:
                over = flimit is not None and size > flimit
                if over:
                    broken.append(f"{path.relative_to(root)}:{lineno} {name}: {size} lines (limit {flimit})")
                if show_all or over:
                    print(f"      {name:<40} {size:>4}{' OVER' if over else ''}")
            if package == "models":
                broken.extend(model_problems(path, tree, root))
    if broken:
        print("\nTargets broken:")
        for line in broken:
            print(f"  {line}")
        return 1
    print("\nAll size and layering targets hold.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
