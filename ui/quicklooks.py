"""*Show quicklooks*: the selected footprints' thumbnails as raster layers on their footprints.

:func:`show_quicklooks` is the one entry point (dock button, Layers-panel and map context menus):
it checks the selection, starts a :class:`~..core.quicklook.QuicklookTask` (fetch + georeference
on a worker thread, cached on disk) and, when it is done, adds the layers to the footprint layer's
quicklook group and says what happened in the message bar.
"""

from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication

from ..core.errors import EoOrderError
from ..core.footprints import layer_kind
from ..core.quicklook import QUICKLOOK_PROPERTY, QuicklookCache, QuicklookTask, add_quicklook_layers, quicklook_items
from ..core.tasks import log
from .messages import push_message

MAX_FAILURES_SHOWN = 2

# Quicklook tasks still running: the task manager does not keep Python tasks alive by itself.
RUNNING = set()


def tr(text):
    return QCoreApplication.translate("Quicklooks", text)


def show_quicklooks(iface, layer, features=None, cache=None):
    """Show the quicklooks of ``features`` (default: the selected features) of footprint ``layer``.

    Returns the started task, or None when there is nothing to fetch (a message says why).
    ``cache`` is a :class:`~..core.quicklook.QuicklookCache` (default: the profile's cache folder).
    """
    bar = iface.messageBar()
    if layer_kind(layer) is None:
        push_message(bar, tr("Choose a footprint layer of EO Order first."), Qgis.MessageLevel.Warning, 10)
        return None
    if features is None:  # the selection, in layer order (its own order is arbitrary)
        features = sorted(layer.selectedFeatures(), key=lambda feature: feature.id())
    features = list(features)
    if not features:
        push_message(bar, tr("Select one or more footprints first."), Qgis.MessageLevel.Warning, 10)
        return None
    try:
        items, missing = quicklook_items(layer, features)
    except EoOrderError as exc:
        push_message(bar, str(exc), Qgis.MessageLevel.Warning, 10)
        return None
    if not items:
        push_message(bar, tr("None of the selected records has a quicklook."), Qgis.MessageLevel.Warning, 10)
        return None
    if missing:
        push_message(bar, tr("{0} of the selected records have no quicklook.").format(missing),
                        Qgis.MessageLevel.Info, 10)
    task = QuicklookTask(items, cache if cache is not None else QuicklookCache())
    layer_id = layer.id()
    task.done.connect(lambda results, error: _done(iface, task, layer_id, results, error))
    RUNNING.add(task)
    QgsApplication.taskManager().addTask(task)
    return task


def _done(iface, task, layer_id, results, error):
    RUNNING.discard(task)
    bar = iface.messageBar()
    if error:
        push_message(bar, error, Qgis.MessageLevel.Critical, 15)
        return
    project = QgsProject.instance()
    footprints = project.mapLayer(layer_id)  # None when the layer was removed meanwhile
    results = results or []
    layers = add_quicklook_layers(project, footprints, results)
    opened = {la.customProperty(QUICKLOOK_PROPERTY).split("|", 1)[-1] for la in layers}
    failures = list(task.messages) + [tr("{0}: QGIS cannot open the warped quicklook.").format(r.name)
                                      for r in results if r.name not in opened]
    for failure in failures:
        log(f"Quicklook {failure}", Qgis.MessageLevel.Warning)
    parts = []
    if layers:
        node = project.layerTreeRoot().findLayer(layers[0].id())
        group = node.parent().name() if node is not None and node.parent() is not None else ""
        parts.append(tr("Showing {0} quicklook(s) in “{1}”.").format(len(layers), group))
    if task.isCanceled():
        parts.append(tr("Cancelled before all quicklooks were fetched."))
    if failures:
        parts.append(tr("{0} of {1} quicklook(s) could not be shown:").format(len(failures), len(task.items)))
        parts += failures[:MAX_FAILURES_SHOWN]
        if len(failures) > MAX_FAILURES_SHOWN:
            parts.append(tr("(and {0} more; see the EO Order log panel)").format(len(failures) - MAX_FAILURES_SHOWN))
    if not parts:
        return
    level = Qgis.MessageLevel.Warning if failures or task.isCanceled() else Qgis.MessageLevel.Success
    push_message(bar, " ".join(parts), level, 15)


def cancel_all():
    """Cancel the quicklook tasks still running (plugin unload); their results are dropped."""
    for task in list(RUNNING):
        try:
            task.done.disconnect()
            task.cancel()
        except (TypeError, RuntimeError):  # not connected any more, or already deleted by QGIS
            pass
    RUNNING.clear()
