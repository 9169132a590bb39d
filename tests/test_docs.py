"""The repository's docs/ is where code, tests and the README point for protocol facts: every page
they name exists, and nothing points to a document outside the repository."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIP = {".venv", ".git", "build", "__pycache__", ".pytest_cache", ".ruff_cache"}
SUFFIXES = {".py", ".md", ".txt", ".cfg", ".toml", ".sh"}
OUTSIDE = ("protocols" + ".md", "../" + "shared/")  # split so this file does not name them itself
PAGE = re.compile(r"docs/([\w.-]+\.md)")


def repository_texts():
    for path in sorted(ROOT.rglob("*")):
        if path.is_file() and path.suffix in SUFFIXES and not SKIP.intersection(path.relative_to(ROOT).parts):
            yield path, path.read_text(encoding="utf-8", errors="replace")


def test_nothing_points_outside_the_repository():
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
             for path, text in repository_texts()
             for number, line in enumerate(text.splitlines(), 1)
             if any(name in line for name in OUTSIDE)]
    assert found == []


def test_every_docs_page_named_exists_and_the_index_lists_every_page():
    named = {(path.relative_to(ROOT), page) for path, text in repository_texts() for page in PAGE.findall(text)}
    missing = sorted(f"{path} names docs/{page}" for path, page in named if not (ROOT / "docs" / page).is_file())
    assert missing == []
    assert {page for _, page in named} >= {"copernicus.md", "eodms-ordering.md", "rcm-soap.md"}  # the code's
    index = (ROOT / "docs" / "README.md").read_text(encoding="utf-8")
    pages = {p.name for p in (ROOT / "docs").glob("*.md")} - {"README.md"}
    assert pages and all(f"({page})" in index for page in pages), "docs/README.md must link every page"
