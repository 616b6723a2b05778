#!/usr/bin/env python3
"""Writes the small numpy and safetensors files the IO tests read, so CI needs no numpy.

    cd tests/Ebm.Tests/IO/Fixtures && /usr/bin/python3 make_fixtures.py

Made with numpy 1.24. The values are simple formulas the C# tests recompute (x[i] = i/8 - 0.5 and so on).
The safetensors file is written by hand from the format's definition (8-byte little-endian header length, JSON
header padded with spaces to a multiple of 8, tensors back to back), independently of Ebm's writer.
"""
import json
import struct

import numpy as np

# The arrays of sklearn_rbm.py's np.savez(args.out, components_=..., intercept_visible_=..., intercept_hidden_=..., meta=json.dumps(...)):
# components_ is (hidden, visible); here hidden = 3, visible = 4.
components = (np.arange(12, dtype=np.float32) / 8 - 0.5).reshape(3, 4)
visible = np.array([0.25, -0.5, 1.0, 2.0], dtype=np.float32)
hidden = np.array([-1.0, 0.0, 1.5], dtype=np.float32)
meta = json.dumps({"trainer": "sklearn.BernoulliRBM(PCD-1)", "hidden": 3, "epochs": 1, "n": 10, "lr": 0.01,
                   "batch_size": 10, "seed": 0})
np.savez("rbm-tiny.npz", components_=components, intercept_visible_=visible, intercept_hidden_=hidden, meta=meta)
np.savez_compressed("rbm-tiny-f64-compressed.npz", components_=components.astype(np.float64),
                    intercept_visible_=visible.astype(np.float64), intercept_hidden_=hidden.astype(np.float64))
# An RBM file whose biases do not fit its weights.
np.savez("rbm-mismatch.npz", components_=components, intercept_visible_=hidden, intercept_hidden_=hidden)

np.save("f4-2d.npy", (np.arange(6, dtype=np.float32) / 8 - 0.5).reshape(2, 3))
np.save("f8-1d.npy", np.array([np.pi, -1e300, 5e-324]))
np.save("u1-2d.npy", np.arange(12, dtype=np.uint8).reshape(3, 4) * 20)
np.save("b1-1d.npy", np.array([True, False, True]))
np.save("u-0d.npy", np.array("héllo"))
with open("f4-v2.npy", "wb") as f:
    np.lib.format.write_array(f, np.arange(4, dtype=np.float32), version=(2, 0))
with open("f4-v3.npy", "wb") as f:
    np.lib.format.write_array(f, np.arange(4, dtype=np.float32), version=(3, 0))
np.save("fortran.npy", np.asfortranarray(np.arange(6, dtype=np.float32).reshape(2, 3)))
np.save("big-endian.npy", np.arange(3, dtype=">f4"))
np.save("int64.npy", np.arange(3, dtype=np.int64))
np.save("3d.npy", np.zeros((2, 2, 2), dtype=np.float32))

tensors = [  # name, dtype, shape, little-endian bytes
    ("bias", "F64", [3], struct.pack("<3d", 0.5, -2.0, 1e-300)),
    ("weight", "F32", [2, 3], struct.pack("<6f", *[i / 4 - 1 for i in range(6)])),
    ("mask", "U8", [2, 2], bytes([0, 1, 254, 255])),
]
header, offset = {}, 0
for name, dtype, shape, data in tensors:
    header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + len(data)]}
    offset += len(data)
header["__metadata__"] = {"ebm.model": "BernoulliRbm", "ebm.sizes": "v=3,h=2", "note": "written by make_fixtures.py"}
text = json.dumps(header).encode()
text += b" " * (-len(text) % 8)
with open("python.safetensors", "wb") as f:
    f.write(struct.pack("<Q", len(text)) + text + b"".join(t[3] for t in tensors))
