"""Translations: extract the plugin's ``tr()`` strings into ``i18n/eo_order_<lang>.ts`` and compile
them to ``.qm`` with Qt's ``lrelease`` (``make translations``).

Every module with user-visible text defines ``tr(text)`` as
``QCoreApplication.translate("<Context>", text)`` or ``translate("<Context>", text)`` (core/i18n.py);
this reads the modules with :mod:`ast` (pylupdate does not know module-level ``tr`` functions), finds
each ``tr("literal")``, ``tr_noop("literal")`` (a text translated later, with the module's context)
and ``translate("Ctx", "literal")`` call and writes the Qt Linguist file: translations already made are
kept, new strings are added as unfinished, strings gone from the code are marked obsolete.

    python -m tools.i18n update     # refresh the .ts files from the code
    python -m tools.i18n release    # compile .ts → .qm (needs lrelease: Debian qttools5-dev-tools)
    python -m tools.i18n check      # fail when a .ts lacks strings of the code or has unfinished ones
"""

import ast
import subprocess
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("plugin.py", "ui", "processing_provider", "core")
LANGUAGES = ("fr",)


def _context_of(tree):
    """The context a module's ``tr`` uses: ``QCoreApplication.translate("<Context>", text)``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "tr":
            for call in ast.walk(node):
                name = isinstance(call, ast.Call) and (getattr(call.func, "attr", None) or getattr(call.func, "id", ""))
                if name == "translate" and call.args \
                        and isinstance(call.args[0], ast.Constant):
                    return call.args[0].value
    return None


def extract(root=ROOT):
    """{context: [source strings in order of appearance]} of the plugin code."""
    found = {}
    files = []
    for source in SOURCES:
        path = root / source
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        module_context = _context_of(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            args = node.args
            if name in ("tr", "tr_noop") and module_context and args and _literal(args[0]) is not None:
                context, text = module_context, _literal(args[0])
            elif name == "translate" and len(args) >= 2 and _literal(args[0]) and _literal(args[1]) is not None:
                context, text = _literal(args[0]), _literal(args[1])
            else:
                continue
            strings = found.setdefault(context, [])
            if text not in strings:
                strings.append(text)
    help_module = _help_module(root)
    for title in help_module.HELP_TITLES:  # the in-QGIS help: README sections, block by block
        strings = found.setdefault(help_module.HELP_CONTEXT, [])
        for block in help_module.help_blocks(help_module.readme_section(title, root / "README.md")):
            if block not in strings:
                strings.append(block)
    return found


def _help_module(root):
    """``ui/help.py`` of ``root`` (its README cutting and block splitting, one place for both)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("eo_order_help_for_i18n", root / "ui" / "help.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HELP_CONTEXT = "HelpText"  # README blocks: untranslated ones are shown in English (not a check failure)


def _literal(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def ts_path(language, root=ROOT):
    return root / "i18n" / f"eo_order_{language}.ts"


def read_ts(path):
    """{(context, source): (translation, finished)} of an existing .ts file."""
    if not Path(path).is_file():
        return {}
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    result = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            result[(name, message.findtext("source"))] = (
                translation.text or "" if translation is not None else "", kind not in ("unfinished", "obsolete"))
    return result


def update(language, root=ROOT):
    """Rewrite the .ts of ``language`` from the code; returns (strings, unfinished)."""
    strings = extract(root)
    known = read_ts(ts_path(language, root))
    ts = etree.Element("TS", version="2.1", language=f"{language}_{language.upper()}", sourcelanguage="en")
    unfinished = 0
    for context in sorted(strings):
        element = etree.SubElement(ts, "context")
        etree.SubElement(element, "name").text = context
        for text in strings[context]:
            message = etree.SubElement(element, "message")
            etree.SubElement(message, "source").text = text
            translation, finished = known.get((context, text), ("", False))
            node = etree.SubElement(message, "translation")
            node.text = translation
            if not finished:
                node.set("type", "unfinished")
                unfinished += 1
    path = ts_path(language, root)
    path.parent.mkdir(exist_ok=True)
    tree = etree.ElementTree(ts)
    tree.write(str(path), encoding="utf-8", xml_declaration=True, pretty_print=True, doctype="<!DOCTYPE TS>")
    return sum(len(v) for v in strings.values()), unfinished


def release(root=ROOT):
    """Compile every .ts to .qm next to it; returns the .qm paths."""
    outputs = []
    for language in LANGUAGES:
        source = ts_path(language, root)
        target = source.with_suffix(".qm")
        subprocess.run(["lrelease", "-silent", str(source), "-qm", str(target)], check=True)
        outputs.append(target)
    return outputs


def check(root=ROOT):
    """Problems: strings of the code missing from a .ts, or not translated yet."""
    strings = extract(root)
    problems = []
    for language in LANGUAGES:
        known = read_ts(ts_path(language, root))
        for context, texts in strings.items():
            if context == HELP_CONTEXT:
                continue
            for text in texts:
                translation, finished = known.get((context, text), ("", False))
                if not finished or not translation:
                    problems.append(f"{language}: {context}: {text[:70]!r} is not translated")
    return problems


def main(argv=None):
    command = (argv or sys.argv[1:] or ["update"])[0]
    if command == "update":
        for language in LANGUAGES:
            total, unfinished = update(language)
            print(f"{ts_path(language)}: {total} strings, {unfinished} to translate")
    elif command == "release":
        for path in release():
            print(path)
    elif command == "check":
        problems = check()
        print("\n".join(problems) or "all strings translated")
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
