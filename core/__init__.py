"""Qt-widget-free core of EO Order: protocol clients, parsers, models, layer building."""

import configparser
import os

_metadata = configparser.ConfigParser(interpolation=None)
_metadata.read(os.path.join(os.path.dirname(os.path.dirname(__file__)), "metadata.txt"), encoding="utf-8")
__version__ = _metadata.get("general", "version", fallback="0.0.0")
