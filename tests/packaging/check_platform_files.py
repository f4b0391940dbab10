#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 LivyDesk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Windows and macOS installer inputs that cannot be built on Linux.

  --ico FILE        a Windows icon with the sizes Explorer uses (16, 32, 48, 256)
  --icns FILE       a macOS icon family with 16..1024 px images
  --plist FILE      the configured Info.plist of LivyDesk.app: a valid property list with the bundle keys
  --app-id ID       expected CFBundleIdentifier
  --version V       expected CFBundleShortVersionString / CFBundleVersion
"""
import argparse
import plistlib
import struct
import sys


def ico_sizes(path):
    data = open(path, "rb").read()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    if reserved != 0 or kind != 1 or count == 0:
        raise ValueError(f"{path}: not an ICO file")
    sizes = set()
    for i in range(count):
        w, h, _, _, _, _, size, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        if offset + size > len(data):
            raise ValueError(f"{path}: image {i} lies outside the file")
        sizes.add(w or 256)
    return sizes


ICNS_TYPES = {b"is32": 16, b"icp4": 16, b"il32": 32, b"icp5": 32, b"ih32": 48, b"it32": 128, b"ic07": 128,
              b"ic08": 256, b"ic09": 512, b"ic10": 1024}


def icns_sizes(path):
    data = open(path, "rb").read()
    magic, total = struct.unpack_from(">4sI", data, 0)
    if magic != b"icns" or total != len(data):
        raise ValueError(f"{path}: not an icns file (or truncated)")
    sizes, at = set(), 8
    while at < total:
        kind, length = struct.unpack_from(">4sI", data, at)
        if length < 8 or at + length > total:
            raise ValueError(f"{path}: bad element {kind!r} at {at}")
        if kind in ICNS_TYPES:
            sizes.add(ICNS_TYPES[kind])
        at += length
    return sizes


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ico", required=True)
    ap.add_argument("--icns", required=True)
    ap.add_argument("--plist", required=True)
    ap.add_argument("--app-id", required=True)
    ap.add_argument("--version", required=True)
    args = ap.parse_args()
    problems = []

    missing = {16, 32, 48, 256} - ico_sizes(args.ico)
    if missing:
        problems.append(f"{args.ico}: no {sorted(missing)} px images")
    missing = {16, 32, 128, 256, 512, 1024} - icns_sizes(args.icns)
    if missing:
        problems.append(f"{args.icns}: no {sorted(missing)} px images")

    with open(args.plist, "rb") as f:
        plist = plistlib.load(f)
    expected = {
        "CFBundleIdentifier": args.app_id,
        "CFBundleShortVersionString": args.version,
        "CFBundleVersion": args.version,
        "CFBundlePackageType": "APPL",
        "CFBundleIconFile": "livydesk.icns",
        "NSHighResolutionCapable": True,
    }
    for key, value in expected.items():
        if plist.get(key) != value:
            problems.append(f"Info.plist: {key} is {plist.get(key)!r}, expected {value!r}")
    for key in ("CFBundleExecutable", "CFBundleName", "LSMinimumSystemVersion", "NSHumanReadableCopyright"):
        if not plist.get(key):
            problems.append(f"Info.plist: {key} is empty")
    for key, value in plist.items():
        if isinstance(value, str) and "${" in value:
            problems.append(f"Info.plist: {key} has an unsubstituted variable: {value}")

    for p in problems:
        print(f"FAIL: {p}", file=sys.stderr)
    if problems:
        return 1
    print("Windows icon, macOS icon and Info.plist OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
