"""Kiosk scale (DESIGN.md: body 22-26 px, titles 40-56 px, nothing under 18 px, targets of at
least 48 px) and the visitor's "larger text, higher contrast" mode (AAA contrast: white and
yellow on black)."""

from __future__ import annotations

from exhibition_app.ui.theme import (
    GOLD,
    LAPIS,
    LINE,
    MUTED,
    NIGHT,
    OCHRE,
    PANEL,
    PARCHMENT,
    RAISED,
    SERIF,
    TURQUOISE,
)

NORMAL = {
    "night": NIGHT,
    "panel": PANEL,
    "raised": RAISED,
    "line": LINE,
    "text": PARCHMENT,
    "muted": MUTED,
    "ochre": OCHRE,
    "accent": TURQUOISE,
    "select": LAPIS,
    "select_text": "#ffffff",
    "gold": GOLD,
}
HIGH_CONTRAST = {
    "night": "#000000",
    "panel": "#000000",
    "raised": "#000000",
    "line": "#ffffff",
    "text": "#ffffff",
    "muted": "#ffffff",
    "ochre": "#ffd84d",
    "accent": "#ffd84d",
    "select": "#ffd84d",
    "select_text": "#000000",
    "gold": "#ffd84d",
}

TOUCH_PX = 56  # the kiosk's smallest touch target (the rule is 48; 56 leaves room to miss)


def kiosk_style(
    *, large: bool = False, contrast: bool = False, scale: float = 1.0, touch: int = TOUCH_PX
) -> str:
    """The kiosk's style sheet; ``scale`` and ``touch`` come from the screen's shape
    (exhibition_app.ui.kiosk.layout: type grows on large screens, targets stay >= 9 mm)."""
    c = HIGH_CONTRAST if contrast else NORMAL
    k = (1.25 if large else 1.0) * scale
    touch_px = max(touch, round(TOUCH_PX * scale))

    def px(size: float) -> str:
        return f"{round(size * k)}px"

    def t(minus: float) -> str:  # a minimum content height: the target less its padding
        return f"{touch_px - round(minus)}px"

    border = "2px" if contrast else "1px"
    return f"""
QMainWindow, QWidget#page {{ background: {c["night"]}; }}
QWidget#header {{ background: {c["panel"]}; border-bottom: {border} solid {c["line"]}; }}
QLabel#brand {{ color: {c["text"]}; font-family: "{SERIF}"; font-size: {px(32)}; }}
QLabel#brandSub {{ color: {c["ochre"]}; font-size: {px(18)}; letter-spacing: 1px; }}
QListWidget#nav {{ background: {c["panel"]}; border: none;
    border-right: {border} solid {c["line"]}; color: {c["text"]}; font-size: {px(22)}; }}
QListWidget#nav::item {{ padding: 0px 14px; border-radius: 8px; margin: 2px 8px; }}
QListWidget#nav::item:selected {{ background: {c["select"]}; color: {c["select_text"]};
    border-left: 5px solid {c["gold"]}; }}
QListView#gallery {{ background: {c["night"]}; }}
QLineEdit#search {{ background: {c["raised"]}; border: {border} solid {c["line"]};
    border-radius: {px(28)}; padding: 6px 20px; color: {c["text"]}; font-size: {px(22)};
    min-height: {t(14)}; }}
QLineEdit#search:focus {{ border: 2px solid {c["accent"]}; }}
QPushButton#lang, QPushButton#kioskTool {{ background: transparent; color: {c["text"]};
    border: 2px solid transparent; border-radius: 10px; padding: 4px 12px;
    font-size: {px(20)}; min-height: {t(12)}; min-width: {t(28)}; }}
QPushButton#lang:checked {{ color: {c["text"]}; border-color: {c["ochre"]};
    text-decoration: underline; font-weight: bold; }}
QPushButton#kioskTool:checked {{ border-color: {c["accent"]}; }}
QPushButton#lang:focus, QPushButton#kioskTool:focus, QPushButton#chip:focus,
QPushButton#back:focus, QPushButton#stepButton:focus {{ border: 3px solid {c["accent"]}; }}
QPushButton#back {{ background: {c["raised"]}; color: {c["text"]};
    border: {border} solid {c["line"]}; border-radius: 28px; padding: 6px 22px;
    font-size: {px(22)}; min-height: {t(14)}; }}
QPushButton#stepButton {{ background: {c["raised"]}; color: {c["text"]};
    border: {border} solid {c["line"]}; border-radius: 28px; font-size: {px(34)};
    min-width: {touch_px}px; min-height: {t(4)}; padding: 0 8px; }}
QPushButton#stepButton:disabled {{ color: {c["line"]}; border-style: dashed; }}
QLabel#position {{ color: {c["muted"]}; font-size: {px(20)}; padding: 0 10px; }}
QPushButton#chip, QPushButton#chipClear {{ background: transparent; color: {c["text"]};
    border: {border} solid {c["line"]}; border-radius: 24px; padding: 6px 20px;
    font-size: {px(20)}; min-height: {t(20)}; }}
QPushButton#chip:checked {{ background: {c["select"]}; border-color: {c["gold"]};
    color: {c["select_text"]}; }}
QPushButton#chipClear {{ color: {c["muted"]}; border-style: dashed; }}
QLabel#sectionTitle {{ color: {c["text"]}; font-family: "{SERIF}"; font-size: {px(44)}; }}
QLabel#sectionText {{ color: {c["muted"]}; font-size: {px(22)}; }}
QLabel#kicker {{ color: {c["ochre"]}; font-size: {px(18)}; letter-spacing: 1px; }}
QLabel#itemTitle {{ color: {c["text"]}; font-family: "{SERIF}"; font-size: {px(46)}; }}
QLabel#itemMeta {{ color: {c["muted"]}; font-size: {px(22)}; }}
QLabel#body {{ color: {c["text"]}; font-size: {px(23)}; }}
QLabel#fieldName {{ color: {c["ochre"]}; font-size: {px(18)}; }}
QLabel#fieldValue {{ color: {c["text"]}; font-size: {px(21)}; }}
QLabel#fallback {{ color: {c["night"]}; background: {c["ochre"]}; border-radius: 4px;
    padding: 3px 10px; font-size: {px(18)}; }}
QLabel#credit {{ color: {c["muted"]}; font-size: {px(18)}; }}
QLabel#empty {{ color: {c["muted"]}; font-size: {px(24)}; }}
QLabel#related {{ background: {c["raised"]}; color: {c["text"]};
    border: {border} solid {c["line"]}; border-radius: 8px; padding: 10px 14px;
    font-size: {px(21)}; min-height: {t(22)}; }}
QLabel#bubble {{ font-size: {px(22)}; }}
QLabel#placeText {{ font-size: {px(22)}; }}
QLabel#placeNote {{ font-size: {px(17)}; }}
QPushButton#placeOriginal {{ font-size: {px(18)}; min-height: {TOUCH_PX - 18}px;
    padding: 6px 16px; }}
QListWidget#places {{ font-size: {px(20)}; }}
QListWidget#places::item {{ padding: 10px 8px; }}
QListWidget#places::item:selected {{ background: {c["select"]}; color: {c["select_text"]}; }}
QPushButton#placesButton, QPushButton#compareButton {{ font-size: {px(20)};
    min-height: {t(18)}; padding: 8px 18px; }}
QScrollBar:vertical {{ width: {px(16)}; }}
QScrollBar:horizontal {{ height: {px(16)}; }}
QSlider::groove:horizontal {{ height: 10px; border-radius: 5px; }}
QSlider::sub-page:horizontal {{ background: {c["gold"]}; height: 10px; border-radius: 5px; }}
QSlider::handle:horizontal {{ width: 36px; height: 36px; margin: -14px 0; border-radius: 20px;
    border: 2px solid {c["gold"]}; background: {c["text"]}; }}
QStatusBar {{ font-size: {px(18)}; }}
"""
