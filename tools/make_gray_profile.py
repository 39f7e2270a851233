#!/usr/bin/env python3
"""make_gray_profile.py — writes profiles/kumihan-gray.icc, the print PDF's
PDF/X output-intent profile: an ICC v2.1 monochrome *output* profile
(device class 'prtr', ISO 15930-7 asks the destination profile to be an
output profile) with a gray tone curve of gamma 2.2 from the device gray of
DeviceGray (0 black ink … 1 paper white) to the PCS luminance Y, and the D50
media white point.  Gamma 2.2 darkens the midtones as the dot gain of
offset and toner printing does; it is a generic characterisation, not a
measured press.  Debian has no press profile under a free licence (the
icc-profiles-free Gray.icc is a display profile, class 'mntr'), so kumihan
makes this one: the tags ICC.1:2001-04 6.3.2.1 requires of a monochrome
output profile (desc, kTRC, wtpt, cprt) and nothing else, byte for byte
the same on every run (fixed creation date).  Public domain (CC0 1.0), as
profiles/LICENSE.txt says.

    python3 tools/make_gray_profile.py profiles/kumihan-gray.icc
"""
import struct
import sys

DESCRIPTION = "kumihan gray print, gamma 2.2"
COPYRIGHT = "No copyright: CC0 1.0 public domain dedication (kumihan)"
GAMMA = 2.2
D50 = (0.9642, 1.0, 0.8249)


def s15f16(v):
    return struct.pack(">i", round(v * 65536))


def desc_tag(text):
    ascii_ = text.encode("ascii") + b"\0"
    # textDescriptionType: ASCII, then empty Unicode and ScriptCode parts
    return (b"desc" + b"\0" * 4 + struct.pack(">I", len(ascii_)) + ascii_ +
            struct.pack(">II", 0, 0) + struct.pack(">HB", 0, 0) + b"\0" * 67)


def text_tag(text):
    return b"text" + b"\0" * 4 + text.encode("ascii") + b"\0"


def xyz_tag(xyz):
    return b"XYZ " + b"\0" * 4 + b"".join(s15f16(v) for v in xyz)


def curve_tag(gamma):
    # one entry: a pure gamma in u8Fixed8Number
    return b"curv" + b"\0" * 4 + struct.pack(">IH", 1, round(gamma * 256))


def pad4(b):
    return b + b"\0" * (-len(b) % 4)


def profile():
    tags = [(b"desc", desc_tag(DESCRIPTION)), (b"cprt", text_tag(COPYRIGHT)),
            (b"wtpt", xyz_tag(D50)), (b"kTRC", curve_tag(GAMMA))]
    table_len = 4 + 12 * len(tags)
    offset = 128 + table_len
    table, data = struct.pack(">I", len(tags)), b""
    for sig, body in tags:
        table += sig + struct.pack(">II", offset + len(data), len(body))
        data += pad4(body)
    size = 128 + table_len + len(data)
    header = (struct.pack(">I", size) + b"\0" * 4 + struct.pack(">I", 0x02100000) +
              b"prtr" + b"GRAY" + b"XYZ " +
              struct.pack(">6H", 2024, 1, 1, 0, 0, 0) + b"acsp" + b"\0" * 4 +
              struct.pack(">I", 0) + b"\0" * 4 + b"\0" * 4 + b"\0" * 8 +
              struct.pack(">I", 0) + b"".join(s15f16(v) for v in D50) + b"\0" * 4)
    header += b"\0" * (128 - len(header))
    assert len(header) == 128
    return header + table + data


if __name__ == "__main__":
    with open(sys.argv[1] if len(sys.argv) > 1 else "profiles/kumihan-gray.icc", "wb") as f:
        f.write(profile())
