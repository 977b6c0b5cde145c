"""Zip entries with a fixed time stamp, so the xlsx and the SIP zip come out the same on every run."""
import zipfile

ZIP_TIME = (2025, 6, 30, 8, 0, 0)


def zip_write(z, name, data, compress=True):
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.external_attr = 0o644 << 16
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    z.writestr(info, data)
