"""Loads an Occam checkpoint into the equivalent torch.nn.Sequential and prints its logits.

    python3 torch_logits.py MODEL.safetensors INPUT.safetensors SPEC

SPEC is Occam's model spec (mlp:64-32-10:tanh). The safetensors files are parsed with the
standard library and torch.frombuffer; the model is loaded with load_state_dict(strict=True).
Prints one JSON line: {"logits": [...flattened...], "shape": [...]}.
"""
import json
import struct
import sys

import torch


def load(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n].decode("utf-8"))
    header.pop("__metadata__", None)
    buf = data[8 + n:]
    kinds = {"F32": torch.float32, "F64": torch.float64}
    out = {}
    for name, info in header.items():
        b, e = info["data_offsets"]
        out[name] = torch.frombuffer(bytearray(buf[b:e]), dtype=kinds[info["dtype"]]).reshape(info["shape"])
    return out


def build(spec):
    kind, sizes, act = spec.split(":")[:3]
    assert kind == "mlp", spec
    sizes = [int(s) for s in sizes.split("-")]
    acts = {"tanh": torch.nn.Tanh, "relu": torch.nn.ReLU, "gelu": torch.nn.GELU, "sigmoid": torch.nn.Sigmoid,
            "softplus": torch.nn.Softplus}
    layers = []
    for i in range(len(sizes) - 1):
        if i > 0:
            layers.append(acts[act]())
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
    return torch.nn.Sequential(*layers)


def main():
    state = load(sys.argv[1])
    x = load(sys.argv[2])["x"]
    model = build(sys.argv[3])
    model.load_state_dict(state, strict=True)
    with torch.no_grad():
        logits = model(x)
    print(json.dumps({"logits": logits.double().flatten().tolist(), "shape": list(logits.shape)}))


if __name__ == "__main__":
    main()
