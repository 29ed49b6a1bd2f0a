"""QR codes for the thank-you screen, painted with QPainter (qrcode's matrix, no Pillow).

Each module is a whole number of pixels, with no smoothing, and the quiet zone (four modules
of white, as the standard asks) is part of the image: a phone reads it from about 40 cm
whatever colour the screen behind it is.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

QUIET_ZONE = 4  # modules of white around the code (ISO/IEC 18004)
# Q (a quarter of the modules may be lost): a glossy tablet reflects lights over part of it.
ERROR_CORRECTION = "Q"  # qrcode.constants.ERROR_CORRECT_<level>, named so qrcode loads late
DARK = QColor("#000000")
LIGHT = QColor("#FFFFFF")


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of ``text``'s QR code, quiet zone included (True is dark)."""
    import qrcode  # only when a code is drawn: it is not needed for the first frame

    code = qrcode.QRCode(
        error_correction=getattr(qrcode.constants, f"ERROR_CORRECT_{ERROR_CORRECTION}"),
        border=QUIET_ZONE,
        box_size=1,
    )
    code.add_data(text)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def qr_image(matrix: list[list[bool]], target_px: int) -> QImage:
    """``matrix`` painted at the largest whole module size that fits in ``target_px``."""
    count = len(matrix)
    module = max(1, target_px // count)
    side = module * count
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(LIGHT)
    painter = QPainter(image)
    try:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(DARK)
        for y, row in enumerate(matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.drawRect(QRect(x * module, y * module, module, module))
    finally:
        painter.end()
    return image


class QrCodeView(QLabel):
    """Shows one URL as a QR code of about ``target_px`` pixels a side."""

    def __init__(self, target_px: int = 300, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target_px = target_px
        self.url = ""
        self.matrix: list[list[bool]] = []
        self.module_px = 0
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_target(self, target_px: int) -> None:
        """About ``target_px`` a side from now on (the screen's sizes changed)."""
        if target_px == self.target_px:
            return
        self.target_px = target_px
        url, self.url = self.url, ""
        self.set_url(url)

    def set_url(self, url: str) -> None:
        if url == self.url:
            return
        self.url = url
        if not url:
            self.matrix = []
            self.module_px = 0
            self.clear()
            return
        self.matrix = qr_matrix(url)
        image = qr_image(self.matrix, self.target_px)
        self.module_px = image.width() // len(self.matrix)
        self.setPixmap(QPixmap.fromImage(image))
        self.setFixedSize(QSize(image.width(), image.height()))
