"""The QR code painted on screen is exactly qrcode's own code for the URL, big enough to scan."""

from __future__ import annotations

import pytest
import qrcode
from PySide6.QtGui import QColor, QImage

from kiosk.ui.qr import QrCodeView, qr_image, qr_matrix

URLS = (
    "https://g.page/r/CdemoCafeReview1234/review",
    "https://example.org/contact?shop=caf%C3%A9&kiosk=kiosk-1",
    "http://x.io",
)


def reference_matrix(url: str) -> list[list[bool]]:
    """qrcode's own modules for ``url``, built here independently of kiosk.ui.qr."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q, border=4)  # glossy
    code.add_data(url)
    code.make(fit=True)
    return code.get_matrix()


def read_grid(image: QImage, count: int) -> list[list[bool]]:
    """Read the modules back from the pixels: the colour at the centre of each cell."""
    module = image.width() // count
    grid = []
    for y in range(count):
        row = []
        for x in range(count):
            colour = QColor(image.pixel(x * module + module // 2, y * module + module // 2))
            assert colour.name() in ("#000000", "#ffffff"), colour.name()  # no grey smudge
            row.append(colour.name() == "#000000")
        grid.append(row)
    return grid


@pytest.mark.parametrize("url", URLS)
def test_painted_modules_are_qrcodes_own_code_for_the_url(qtbot, url):
    view = QrCodeView(300)
    qtbot.addWidget(view)
    view.set_url(url)
    image = view.pixmap().toImage()
    expected = reference_matrix(url)
    assert read_grid(image, len(expected)) == expected
    # every pixel of a module has the module's colour (whole-pixel modules, no smoothing)
    module = view.module_px
    for y, row in enumerate(expected):
        for x, dark in enumerate(row):
            corner = QColor(image.pixel(x * module, y * module + module - 1))
            assert (corner.name() == "#000000") == dark


@pytest.mark.parametrize("url", URLS)
def test_big_enough_with_a_white_quiet_zone(qtbot, url):
    view = QrCodeView(340)
    qtbot.addWidget(view)
    view.set_url(url)
    image = view.pixmap().toImage()
    assert image.width() == image.height() >= 220
    assert view.size().width() == image.width()
    assert view.module_px >= 5  # a phone at ~40 cm needs a few pixels a module
    quiet = 4 * view.module_px
    side = image.width()
    for i in range(side):
        for x, y in ((i, 0), (i, quiet - 1), (0, i), (side - 1, i), (i, side - 1)):
            assert QColor(image.pixel(x, y)).name() == "#ffffff"


def test_matrix_image_and_clear():
    matrix = qr_matrix("https://example.org")
    assert matrix == reference_matrix("https://example.org")
    image = qr_image(matrix, 10)  # smaller than the code: one pixel a module, never zero
    assert image.width() == len(matrix)


def test_an_empty_url_shows_nothing(qtbot):
    view = QrCodeView()
    qtbot.addWidget(view)
    view.set_url("https://example.org")
    view.set_url("")
    assert view.matrix == [] and view.pixmap().isNull()
