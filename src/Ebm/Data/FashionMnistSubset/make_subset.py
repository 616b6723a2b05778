#!/usr/bin/env python3
"""Writes the Fashion-MNIST subset embedded in Ebm: the first 3,000 training and the first 1,000 test images
with their labels, as gzip IDX files in the standard layout.

    python3 make_subset.py [/usr/share/datasets/fashion-mnist]

Byte-reproducible: the IDX header is rewritten with the new count, the elements are copied unchanged, and gzip
runs at level 9 with mtime 0 and no file name, so the same input gives the same .gz files. The C# test
FashionMnistEmbeddedTests checks the result against the first N items of the full files.
"""
import gzip
import os
import struct
import sys

COUNTS = {"train": 3000, "t10k": 1000}
KINDS = {"images": "idx3-ubyte", "labels": "idx1-ubyte"}


def head(source, count):
    with gzip.open(source, "rb") as f:
        raw = f.read()
    zero, code, ndim = struct.unpack(">HBB", raw[:4])
    assert zero == 0 and code == 0x08, source
    dims = list(struct.unpack(">" + "I" * ndim, raw[4:4 + 4 * ndim]))
    item = 1
    for d in dims[1:]:
        item *= d
    start = 4 + 4 * ndim
    dims[0] = count
    return raw[:4] + struct.pack(">" + "I" * ndim, *dims) + raw[start:start + count * item]


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
    here = os.path.dirname(os.path.abspath(__file__))
    for split, count in COUNTS.items():
        for kind, suffix in KINDS.items():
            name = f"{split}-{kind}-{suffix}.gz"
            data = head(os.path.join(folder, name), count)
            with open(os.path.join(here, name), "wb") as raw, \
                    gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as out:
                out.write(data)


if __name__ == "__main__":
    main()
