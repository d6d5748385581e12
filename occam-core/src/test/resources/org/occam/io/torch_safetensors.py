"""Independent safetensors reader/writer for Occam's interop tests: Python standard library + torch only.

  python3 torch_safetensors.py check FILE   parse FILE per the spec, print one JSON line per tensor
  python3 torch_safetensors.py write FILE   write FILE per the spec, print the expected contents

Output lines are JSON objects: {"metadata": {...}} then, in data-buffer order,
{"name": ..., "dtype": "float32"|"float64", "shape": [...], "values": [...], "sum": ...}.
"""
import json
import struct
import sys

import torch

assert sys.byteorder == "little"

READ = {"F32": torch.float32, "F64": torch.float64, "F16": torch.float16, "BF16": torch.bfloat16}
CODE = {torch.float32: "F32", torch.float64: "F64", torch.float16: "F16", torch.bfloat16: "BF16"}


def emit(name, t):
    loaded_as = "float64" if t.dtype == torch.float64 else "float32"
    values = t.double().flatten().tolist()
    print(json.dumps({"name": name, "dtype": loaded_as, "shape": list(t.shape),
                      "values": values if len(values) <= 64 else values[:4],
                      "sum": float(t.double().sum())}))


def check(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    assert (8 + n) % 8 == 0, "data buffer is not 8-byte aligned: header length %d" % n
    header = json.loads(data[8:8 + n].decode("utf-8"))
    buf = data[8 + n:]
    print(json.dumps({"metadata": header.pop("__metadata__", {})}))
    entries = sorted(header.items(), key=lambda kv: tuple(kv[1]["data_offsets"]))
    covered = 0
    for name, info in entries:
        begin, end = info["data_offsets"]
        assert begin == covered, "%s starts at %d, expected %d" % (name, begin, covered)
        dtype = READ[info["dtype"]]
        count = 1
        for d in info["shape"]:
            count *= d
        assert end - begin == count * torch.tensor([], dtype=dtype).element_size(), name
        if count == 0:
            t = torch.empty(info["shape"], dtype=dtype)
        else:
            t = torch.frombuffer(bytearray(buf[begin:end]), dtype=dtype).reshape(info["shape"])
        emit(name, t)
        covered = end
    assert covered == len(buf), "buffer has %d bytes, tensors cover %d" % (len(buf), covered)


def write(path):
    g = torch.Generator().manual_seed(0)
    # buffer order (what a reader should return); the header lists the names sorted instead
    tensors = [
        ("layer.weight", (torch.arange(6, dtype=torch.float32) / 7).reshape(2, 3)),
        ("layer.bias", torch.tensor([-1.5, 2.25, 1e-300], dtype=torch.float64)),
        ("scalar", torch.tensor(3.5)),
        ("empty", torch.zeros(0, 4)),
        ("half", torch.tensor([1.0, -2.0, 0.1, 65504.0], dtype=torch.float16)),
        ("bf", torch.tensor([1.0, 3.0, -0.1], dtype=torch.bfloat16)),
        ("big", torch.randn(300, 7, generator=g, dtype=torch.float32)),
    ]
    metadata = {"format": "pt", "source": "python \u00fc"}
    header, infos, blobs, offset = {"__metadata__": metadata}, {}, [], 0
    for name, t in tensors:
        raw = bytes(bytearray(t.contiguous().reshape(-1).view(torch.uint8).tolist()))
        infos[name] = {"dtype": CODE[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    for name in sorted(infos):
        header[name] = infos[name]
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-(8 + len(text)) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for raw in blobs:
            f.write(raw)
    print(json.dumps({"metadata": metadata}))
    for name, t in tensors:
        emit(name, t)


if __name__ == "__main__":
    {"check": check, "write": write}[sys.argv[1]](sys.argv[2])
