"""The visual frame: a dark vitrine surround with accents from the region's materials."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

# Palette (see DESIGN.md): the objects are the colour, the interface is the frame.
NIGHT = "#14130f"  # the surround
PANEL = "#1d1b16"  # side panels
RAISED = "#28251e"  # tiles and fields
LINE = "#3a352b"
PARCHMENT = "#efe6d2"  # text on dark
MUTED = "#b9ad93"  # secondary text (5.9:1 on NIGHT)
OCHRE = "#c9a25e"  # legends, small caps
LAPIS = "#24478f"  # selection: the deep blue of the stone, not a toolkit's default blue
TURQUOISE = "#4fc1bb"  # links and focus
FELT_RED = "#b4412f"  # the one call to action
GOLD = "#d9b24a"  # highlights
DISABLED = "#7a7160"  # greyed out on PANEL and RAISED, still legible
WHITE = "#ffffff"  # text on LAPIS and FELT_RED
ERROR = "#ff8a70"  # a curator's validation message next to its field (warm coral)

#: Every colour of the theme (what a widget's palette may hold: tests/ui/test_palette.py).
_ALL = (NIGHT, PANEL, RAISED, LINE, PARCHMENT, MUTED, OCHRE, LAPIS, TURQUOISE, FELT_RED)
THEME_COLOURS = frozenset(c.lower() for c in (*_ALL, GOLD, DISABLED, WHITE, ERROR))

SERIF = "Noto Serif"
SANS = "Noto Sans"


def theme_palette() -> QPalette:
    """Every role in every colour group from the theme: nothing is left at Qt's defaults
    (its blue highlight, magenta visited links, light grey bevels)."""
    R = QPalette.ColorRole
    pal = QPalette(QColor(RAISED), QColor(NIGHT))  # bevels derived from the theme
    colours = {
        R.Window: NIGHT,
        R.WindowText: PARCHMENT,
        R.Base: RAISED,
        R.AlternateBase: PANEL,
        R.Text: PARCHMENT,
        R.PlaceholderText: MUTED,
        R.Button: RAISED,
        R.ButtonText: PARCHMENT,
        R.BrightText: WHITE,
        R.Light: LINE,
        R.Midlight: LINE,
        R.Mid: LINE,
        R.Dark: PANEL,
        R.Shadow: NIGHT,
        R.Highlight: LAPIS,
        R.HighlightedText: WHITE,
        R.Link: TURQUOISE,
        R.LinkVisited: TURQUOISE,
        R.ToolTipBase: RAISED,
        R.ToolTipText: PARCHMENT,
    }
    if hasattr(R, "Accent"):  # Qt 6.6 and later: checked boxes, sliders, focus frames
        colours[R.Accent] = LAPIS
    for role, colour in colours.items():
        pal.setColor(role, QColor(colour))
    for role in (R.WindowText, R.Text, R.ButtonText, R.PlaceholderText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED))
    pal.setColor(QPalette.ColorGroup.Disabled, R.Highlight, QColor(LINE))
    return pal


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setPalette(theme_palette())
    app.setStyleSheet(STYLE)


STYLE = f"""
QMainWindow, QWidget#page {{ background: {NIGHT}; }}
QWidget#header {{ background: {PANEL}; border-bottom: 1px solid {LINE}; }}
QLabel#brand {{ color: {PARCHMENT}; font-family: "{SERIF}"; font-size: 20px; }}
QLabel#brandSub {{ color: {OCHRE}; font-size: 12px; letter-spacing: 1px; }}
QListWidget#nav {{ background: {PANEL}; border: none; border-right: 1px solid {LINE};
    color: {PARCHMENT}; font-size: 14px; outline: 0; }}
QListWidget#nav::item {{ padding: 0px 14px; border-radius: 6px; margin: 1px 8px; }}
QListWidget#nav::item:selected {{ background: {LAPIS}; color: {WHITE};
    border-left: 4px solid {GOLD}; }}
QListWidget#nav::item:hover:!selected {{ background: {RAISED}; }}
QListView#gallery {{ background: {NIGHT}; border: none; outline: 0; }}
QLineEdit#search {{ background: {RAISED}; border: 1px solid {LINE}; border-radius: 18px;
    padding: 6px 14px; color: {PARCHMENT}; font-size: 14px; min-height: 24px; }}
QLineEdit#search:focus {{ border-color: {TURQUOISE}; }}
QPushButton#lang {{ background: transparent; color: {MUTED}; border: 1px solid transparent;
    border-radius: 6px; padding: 6px 10px; font-size: 13px; min-height: 24px; }}
QPushButton#lang:checked {{ color: {PARCHMENT}; border-color: {OCHRE}; }}
QPushButton#lang:hover {{ color: {PARCHMENT}; }}
QPushButton#back {{ background: {RAISED}; color: {PARCHMENT}; border: 1px solid {LINE};
    border-radius: 18px; padding: 6px 16px; font-size: 14px; min-height: 24px; }}
QPushButton#back:hover {{ border-color: {TURQUOISE}; }}
QLabel#related:focus {{ border-color: {TURQUOISE}; }}
QLabel#related {{ background: {RAISED}; color: {PARCHMENT}; border: 1px solid {LINE};
    border-radius: 6px; padding: 6px 12px; text-align: left; font-size: 13px; }}
QLabel#related:hover {{ border-color: {GOLD}; }}
QLabel#sectionTitle {{ color: {PARCHMENT}; font-family: "{SERIF}"; font-size: 26px; }}
QLabel#sectionText {{ color: {MUTED}; font-size: 14px; }}
QLabel#kicker {{ color: {OCHRE}; font-size: 12px; letter-spacing: 1px; }}
QLabel#itemTitle {{ color: {PARCHMENT}; font-family: "{SERIF}"; font-size: 30px; }}
QLabel#itemMeta {{ color: {MUTED}; font-size: 15px; }}
QLabel#body {{ color: {PARCHMENT}; font-size: 15px; }}
QLabel#fieldName {{ color: {OCHRE}; font-size: 12px; }}
QLabel#fieldValue {{ color: {PARCHMENT}; font-size: 14px; }}
QLabel#fallback {{ color: {NIGHT}; background: {OCHRE}; border-radius: 4px;
    padding: 2px 8px; font-size: 12px; }}
QLabel#credit {{ color: {MUTED}; font-size: 12px; }}
QLabel#empty {{ color: {MUTED}; font-size: 16px; }}
QLabel#bubble {{ background: rgba(20, 19, 15, 235); color: {PARCHMENT}; border: 1px solid {GOLD};
    border-radius: 8px; padding: 10px 12px; font-size: 14px; }}
QFrame#placeBubble {{ background: rgb(20, 19, 15); border: 1px solid {GOLD};
    border-radius: 8px; }}
QLabel#placeText {{ color: {PARCHMENT}; font-size: 14px; }}
QLabel#placeNote {{ color: {MUTED}; font-size: 12px; }}
QPushButton#placeOriginal {{ background: transparent; color: {PARCHMENT}; border: 1px solid {LINE};
    border-radius: 14px; padding: 5px 12px; font-size: 12px; }}
QPushButton#placeOriginal:hover {{ border-color: {GOLD}; }}
QListWidget#places {{ background: rgba(20, 19, 15, 215); color: {PARCHMENT};
    border: 1px solid {LINE};
    border-radius: 8px; font-size: 13px; padding: 4px; }}
QListWidget#places::item {{ padding: 4px 6px; border-radius: 4px; }}
QPushButton#placesButton {{ background: rgba(20, 19, 15, 215); color: {PARCHMENT};
    border: 1px solid {LINE}; border-radius: 18px; padding: 8px 16px; font-size: 13px; }}
QPushButton#placesButton:checked {{ border-color: {GOLD}; }}
QListWidget#places::item:selected {{ background: {LAPIS}; color: {WHITE}; }}
QScrollArea {{ border: none; background: transparent; }}
QScrollBar:vertical {{ background: {NIGHT}; width: 10px; margin: 0; }}
QScrollBar:horizontal {{ background: {NIGHT}; height: 10px; margin: 0; }}
QScrollBar::handle {{ background: {LINE}; border-radius: 5px; }}
QScrollBar::handle:hover, QScrollBar::handle:pressed {{ background: {MUTED}; }}
QScrollBar::handle:vertical {{ min-height: 40px; }}
QScrollBar::handle:horizontal {{ min-width: 40px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QSlider::groove:horizontal {{ background: {LINE}; height: 6px; border-radius: 3px; }}
QSlider::sub-page:horizontal {{ background: {GOLD}; height: 6px; border-radius: 3px; }}
QSlider::handle:horizontal {{ background: {PARCHMENT}; border: 2px solid {GOLD};
    width: 18px; height: 18px; margin: -8px 0; border-radius: 11px; }}
QSlider::handle:horizontal:focus {{ border-color: {TURQUOISE}; }}
QAbstractItemView {{ selection-background-color: {LAPIS}; selection-color: {WHITE};
    outline: 0; }}
QStatusBar {{ background: {PANEL}; color: {MUTED}; }}
QPushButton#stepButton {{ background: {RAISED}; color: {PARCHMENT}; border: 1px solid {LINE};
    border-radius: 18px; font-size: 22px; min-width: 40px; min-height: 30px; padding: 0 6px; }}
QPushButton#stepButton:disabled {{ color: {LINE}; }}
QPushButton#stepButton:hover {{ border-color: {TURQUOISE}; }}
QLabel#position {{ color: {MUTED}; font-size: 13px; padding: 0 6px; }}
QPushButton#chip, QPushButton#chipClear {{ background: transparent; color: {PARCHMENT};
    border: 1px solid {LINE}; border-radius: 15px; padding: 4px 14px; font-size: 13px;
    min-height: 20px; }}
QPushButton#chip:checked {{ background: {LAPIS}; border-color: {GOLD}; color: {WHITE}; }}
QPushButton#chip:hover, QPushButton#chipClear:hover {{ border-color: {TURQUOISE}; }}
QPushButton#chipClear {{ color: {MUTED}; border-style: dashed; }}
"""
