"""Build the installable plugin zip (``make package``): ``build/eo_order-<version>.zip``.

The zip holds one folder, ``eo_order/``, with the runtime files only — the plugin's Python packages,
icons, compiled translations, metadata, README and LICENSE — and none of the tests, benchmarks,
dev tools or dev configuration, so QGIS' *Install from ZIP* and the plugin repository take it as is.
``check_metadata`` applies the plugin repository's checks to ``metadata.txt`` first.

    python -m tools.package [--out DIR]
"""

import argparse
import configparser
import os
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = "eo_order"
PACKAGES = ("core", "ui", "processing_provider")
FILES = ("metadata.txt", "__init__.py", "plugin.py", "LICENSE", "README.md")
ASSET_FOLDERS = {"icons": (".svg", ".png"), "i18n": (".qm",)}
REQUIRED = ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email", "repository")


def check_metadata(path=ROOT / "metadata.txt", root=ROOT):
    """Problems the QGIS plugin repository would reject, as a list of texts (empty: fine)."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(path, encoding="utf-8")
    if not parser.has_section("general"):
        return [f"{path} has no [general] section"]
    general = parser["general"]
    problems = [f"metadata.txt lacks {key}" for key in REQUIRED if not general.get(key, "").strip()]
    if not re.fullmatch(r"\d+\.\d+(\.\d+)?", general.get("version", "")):
        problems.append(f"version {general.get('version')!r} is not of the form 1.2.3")
    if not re.fullmatch(r"3\.\d+(\.\d+)?", general.get("qgisMinimumVersion", "")):
        problems.append("qgisMinimumVersion must be a QGIS 3 version such as 3.22")
    icon = general.get("icon", "")
    if not icon or not (root / icon).is_file():
        problems.append(f"the icon {icon!r} named in metadata.txt is missing")
    changelog = general.get("changelog", "")
    if general.get("version", "") not in changelog:
        problems.append("the changelog has no entry for this version")
    if not (root / "LICENSE").is_file():
        problems.append("LICENSE is missing")
    return problems


def runtime_files(root=ROOT):
    """(path on disk, path in the zip) of every file the installed plugin needs."""
    for name in FILES:
        yield root / name, f"{PLUGIN}/{name}"
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            if "__pycache__" not in path.parts:
                yield path, f"{PLUGIN}/{path.relative_to(root).as_posix()}"
    for folder, suffixes in ASSET_FOLDERS.items():
        for path in sorted((root / folder).glob("*")) if (root / folder).is_dir() else ():
            if path.suffix in suffixes:
                yield path, f"{PLUGIN}/{folder}/{path.name}"


def build(out_dir=ROOT / "build", root=ROOT):
    problems = check_metadata(root / "metadata.txt", root)
    if problems:
        raise SystemExit("metadata.txt is not ready for a release:\n  " + "\n  ".join(problems))
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(root / "metadata.txt", encoding="utf-8")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PLUGIN}-{parser['general']['version']}.zip"
    partial = target.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, name in runtime_files(root):
            archive.write(path, name)
    os.replace(partial, target)
    return target


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "build"), help="output folder (default: build/)")
    args = parser.parse_args(argv)
    print(build(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
