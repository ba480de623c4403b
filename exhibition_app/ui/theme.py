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
LAPIS = "#3d6fbf"  # selection
TURQUOISE = "#4fc1bb"  # links and focus
FELT_RED = "#b4412f"  # the one call to action
GOLD = "#d9b24a"  # highlights

SERIF = "Noto Serif"
SANS = "Noto Sans"


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Window, QColor(NIGHT))
    pal.setColor(QPalette.ColorRole.WindowText, QColor(PARCHMENT))
    pal.setColor(QPalette.ColorRole.Base, QColor(RAISED))
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor(PANEL))
    pal.setColor(QPalette.ColorRole.Text, QColor(PARCHMENT))
    pal.setColor(QPalette.ColorRole.PlaceholderText, QColor(MUTED))
    pal.setColor(QPalette.ColorRole.Button, QColor(RAISED))
    pal.setColor(QPalette.ColorRole.ButtonText, QColor(PARCHMENT))
    pal.setColor(QPalette.ColorRole.Highlight, QColor(LAPIS))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.Link, QColor(TURQUOISE))
    pal.setColor(QPalette.ColorRole.ToolTipBase, QColor(RAISED))
    pal.setColor(QPalette.ColorRole.ToolTipText, QColor(PARCHMENT))
    app.setPalette(pal)
    app.setStyleSheet(STYLE)


STYLE = f"""
QMainWindow, QWidget#page {{ background: {NIGHT}; }}
QWidget#header {{ background: {PANEL}; border-bottom: 1px solid {LINE}; }}
QLabel#brand {{ color: {PARCHMENT}; font-family: "{SERIF}"; font-size: 20px; }}
QLabel#brandSub {{ color: {OCHRE}; font-size: 12px; letter-spacing: 1px; }}
QListWidget#nav {{ background: {PANEL}; border: none; border-right: 1px solid {LINE};
    color: {PARCHMENT}; font-size: 14px; outline: 0; }}
QListWidget#nav::item {{ padding: 0px 14px; border-radius: 6px; margin: 1px 8px; }}
QListWidget#nav::item:selected {{ background: {LAPIS}; color: white; }}
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
QListWidget#places::item:selected {{ background: {LAPIS}; }}
QScrollArea {{ border: none; background: transparent; }}
QScrollBar:vertical {{ background: {NIGHT}; width: 10px; margin: 0; }}
QScrollBar::handle:vertical {{ background: {LINE}; border-radius: 5px; min-height: 40px; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
QStatusBar {{ background: {PANEL}; color: {MUTED}; }}
QPushButton#stepButton {{ background: {RAISED}; color: {PARCHMENT}; border: 1px solid {LINE};
    border-radius: 18px; font-size: 22px; min-width: 40px; min-height: 30px; padding: 0 6px; }}
QPushButton#stepButton:disabled {{ color: {LINE}; }}
QPushButton#stepButton:hover {{ border-color: {TURQUOISE}; }}
QLabel#position {{ color: {MUTED}; font-size: 13px; padding: 0 6px; }}
QPushButton#chip, QPushButton#chipClear {{ background: transparent; color: {PARCHMENT};
    border: 1px solid {LINE}; border-radius: 15px; padding: 4px 14px; font-size: 13px;
    min-height: 20px; }}
QPushButton#chip:checked {{ background: {LAPIS}; border-color: {LAPIS}; color: white; }}
QPushButton#chip:hover, QPushButton#chipClear:hover {{ border-color: {TURQUOISE}; }}
QPushButton#chipClear {{ color: {MUTED}; border-style: dashed; }}
"""
