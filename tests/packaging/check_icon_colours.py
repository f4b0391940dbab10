#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 LivyDesk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the UI icons in resources/icons/ read in both light and dark palettes.

The action icons are drawn in fixed colours (no currentColor: Qt's SVG icon engine does not follow the palette).
So every colour an icon paints with must contrast at least 3:1 (WCAG 2.1, non-text contrast) with both a light
window background (#ffffff and Fusion's #efefef) and a dark one (#1e1e1e and Fusion's dark #353535).
Also checks each file is a well-formed SVG with a view box, and that icons.qrc lists every icon and nothing else.

usage: check_icon_colours.py RESOURCES_DIR
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

BACKGROUNDS = {"white": "#ffffff", "Fusion light": "#efefef", "dark": "#1e1e1e", "Fusion dark": "#353535"}
MIN_CONTRAST = 3.0
SVG_NS = "{http://www.w3.org/2000/svg}"
NAMED = {"black": "#000000", "white": "#ffffff"}


def luminance(hex_colour):
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a, b):
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def paints(element):
    """The fill and stroke colours an element sets, from attributes and a style attribute."""
    values = []
    for key in ("fill", "stroke"):
        if key in element.attrib:
            values.append((key, element.attrib[key].strip()))
    for decl in element.attrib.get("style", "").split(";"):
        if ":" in decl:
            key, value = (s.strip() for s in decl.split(":", 1))
            if key in ("fill", "stroke"):
                values.append((key, value))
    return values


def check_icon(path):
    problems = []
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        return [f"{path.name}: not well-formed XML: {e}"]
    if root.tag != SVG_NS + "svg":
        return [f"{path.name}: root element is {root.tag}, not svg"]
    if "viewBox" not in root.attrib:
        problems.append(f"{path.name}: no viewBox (icons must scale)")
    painted = 0
    for element in root.iter():
        for key, value in paints(element):
            value = NAMED.get(value.lower(), value)
            if value.lower() in ("none", "transparent"):
                continue
            if value.lower() == "currentcolor":
                problems.append(f"{path.name}: {key}=currentColor does not follow the palette in Qt; use a fixed colour")
                continue
            if value.startswith("url("):
                problems.append(f"{path.name}: {key}={value}: gradients are for the app icon, not UI icons")
                continue
            if not re.fullmatch(r"#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?", value):
                problems.append(f"{path.name}: {key}={value}: use #rrggbb colours")
                continue
            painted += 1
            for name, background in BACKGROUNDS.items():
                ratio = contrast(value, background)
                if ratio < MIN_CONTRAST:
                    problems.append(f"{path.name}: {key} {value} has contrast {ratio:.2f}:1 on {name} {background} "
                                    f"(needs {MIN_CONTRAST}:1)")
    if painted == 0:
        problems.append(f"{path.name}: paints nothing with an explicit colour (default black vanishes on dark)")
    return problems


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    resources = Path(sys.argv[1])
    icons = sorted((resources / "icons").glob("*.svg"))
    problems = []
    if not icons:
        problems.append(f"no icons in {resources / 'icons'}")
    for icon in icons:
        problems.extend(check_icon(icon))

    qrc = ET.parse(resources / "icons.qrc").getroot()
    listed = {f.text.strip() for f in qrc.iter("file")}
    for icon in icons:
        if f"icons/{icon.name}" not in listed:
            problems.append(f"icons.qrc does not list icons/{icon.name}")
    for entry in listed:
        if not (resources / entry).is_file():
            problems.append(f"icons.qrc lists {entry}, which does not exist")

    for p in problems:
        print(f"FAIL: {p}", file=sys.stderr)
    if problems:
        return 1
    print(f"icon colours OK: {len(icons)} icons readable on {', '.join(BACKGROUNDS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
