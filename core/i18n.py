"""Translation for every part of the plugin, core included (``QCoreApplication.translate`` is
QtCore: no widgets).

Each module with user-visible text defines::

    def tr(text):
        return translate("<Context>", text)

``tools/i18n.py`` finds that context and extracts every ``tr("literal")`` (and every
``tr_noop("literal")``, for texts kept untranslated in a constant and translated when shown) into
``i18n/eo_order_fr.ts``. A text with values in it is ``tr("… {0} …").format(value)``, never an
f-string (an f-string would be translated after its values were put in, so never found).

Error texts are translated when the error is made, on whatever thread: ``QCoreApplication.translate``
is thread-safe once the plugin's translator is installed (plugin start). :class:`~.errors.EoOrderError`
then redacts the translated text, so secrets are removed in every language.
"""

from qgis.PyQt.QtCore import QCoreApplication


def translate(context: str, text: str) -> str:
    """``text`` in the user's language (QGIS' locale), as the plugin's translator has it."""
    return QCoreApplication.translate(context, text)


def tr_noop(text: str) -> str:
    """Marks ``text`` for extraction without translating it now (class attributes, constants):
    translate it with :func:`translate` and the module's context when it is shown."""
    return text
