"""Footprint outputs that Processing loads into the project get EO Order's presentation (style,
temporal properties, date labels), as the dock's layers do."""

from qgis.core import QgsProcessingLayerPostProcessorInterface

from ..core.footprints import present

_keep = []  # Processing holds post-processors by pointer only: keep them alive until they ran


class _Present(QgsProcessingLayerPostProcessorInterface):
    def postProcessLayer(self, layer, context, feedback):
        present(layer)
        if self in _keep:
            _keep.remove(self)


def present_when_loaded(context, dest_id):
    """Call in processAlgorithm for a footprint sink ``dest_id``."""
    if context.willLoadLayerOnCompletion(dest_id):
        post = _Present()
        _keep.append(post)
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(post)
