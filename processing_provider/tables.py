"""The attribute-only table outputs of the algorithms (what happened to each footprint)."""

from qgis.core import QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsProcessingException, QgsWkbTypes
from qgis.PyQt.QtCore import QVariant


class TableOutput:
    """A feature sink without geometry for ``columns``: names (text columns) or (name, QVariant type)."""

    def __init__(self, algorithm, parameters, key, context, columns):
        self.fields = QgsFields()
        for column in columns:
            name, kind = (column, QVariant.String) if isinstance(column, str) else column
            self.fields.append(QgsField(name, kind))
        self.sink, self.dest_id = algorithm.parameterAsSink(parameters, key, context, self.fields,
                                                            QgsWkbTypes.Type.NoGeometry)
        if self.sink is None:
            raise QgsProcessingException(algorithm.invalidSinkError(parameters, key))

    def add_rows(self, rows):
        features = []
        for row in rows:
            feature = QgsFeature(self.fields)
            feature.setAttributes(list(row))
            features.append(feature)
        self.sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert)
