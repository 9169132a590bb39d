"""GDAL calls that keep quiet: its messages are collected for this thread instead of printed, and
a failure is a None result in either GDAL exception mode (process-wide, left alone)."""

from osgeo import gdal


def gdal_call(call, *args, **kwargs):
    """``(result, messages)`` of ``call(*args, **kwargs)``: result None when it failed, messages
    GDAL's failure texts (whitespace collapsed), the last one the most specific."""
    messages = []

    def collect(error_class, _number, message):
        if error_class >= gdal.CE_Failure:
            messages.append(" ".join(str(message).split()))

    gdal.PushErrorHandler(collect)
    try:
        result = call(*args, **kwargs)
    except RuntimeError as exc:
        result = None
        messages.append(" ".join(str(exc).split()))
    finally:
        gdal.PopErrorHandler()
    return result, messages
