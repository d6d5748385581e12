"""PyTorch side of Occam's CIFAR ResNet interop tests (Python standard library + torch only).

Two reference architectures, written from their published descriptions:
  resnet18  kuangliu/pytorch-cifar: 3x3 stem conv1/bn1, layer1..layer4 of BasicBlocks at
            width*(1,2,4,8), shortcut = Sequential(1x1 conv, BN) on downsampling, avg_pool2d(4), linear
  resnet20  He et al.'s CIFAR ResNet in akamaster/pytorch_resnet_cifar10's layout: conv1/bn1,
            layer1..layer3 of 3 BasicBlocks at width*(1,2,4), option-A shortcuts (subsample, zero-pad
            channels), global average pooling, linear

  python3 torch_cifar_resnet.py export DIR ARCH:WIDTH:DTYPE...
      for each: random weights, 3 SGD steps in train mode (non-trivial BN buffers), then writes
      DIR/ARCH-DTYPE/model.safetensors (the state_dict) and DIR/ARCH-DTYPE/io.safetensors: x, y,
      logits_eval, logits_train, grad_eval.NAME and grad_train.NAME (mean cross-entropy),
      after_train.BUFFER (buffers after the train-mode pass)
  python3 torch_cifar_resnet.py check DIR ARCH:WIDTH...
      load_state_dict(strict=True) of DIR/ARCH/occam.safetensors (float64), eval-mode logits of
      DIR/ARCH/x.safetensors["x"] written to DIR/ARCH/logits.safetensors["logits"]
(one process for all models: importing torch is the slow part)
"""
import json
import os
import struct
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

READ = {"F32": torch.float32, "F64": torch.float64, "I64": torch.int64}
CODE = {torch.float32: "F32", torch.float64: "F64", torch.int64: "I64"}


def save(path, tensors):
    header, offset, blobs = {}, 0, []
    for name, t in tensors.items():
        t = t.detach().contiguous().cpu()
        raw = bytes(bytearray(t.reshape(-1).view(torch.uint8).tolist()))
        header[name] = {"dtype": CODE[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-(8 + len(text)) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


def load(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n].decode("utf-8"))
    header.pop("__metadata__", None)
    buf = data[8 + n:]
    out = {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        out[name] = torch.frombuffer(bytearray(buf[begin:end]), dtype=READ[info["dtype"]]).reshape(info["shape"]).clone()
    return out


class Block(nn.Module):
    def __init__(self, cin, cout, stride, option):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.option = option
        self.shortcut = nn.Sequential()
        self.pad = 0
        if stride != 1 or cin != cout:
            if option == "B":
                self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))
            else:
                self.pad = (cout - cin) // 2
                self.stride = stride

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        if self.pad:
            skip = F.pad(x[:, :, ::self.stride, ::self.stride], (0, 0, 0, 0, self.pad, self.pad), "constant", 0)
        else:
            skip = self.shortcut(x)
        return F.relu(out + skip)


class Net(nn.Module):
    def __init__(self, arch, width, classes=10):
        super().__init__()
        blocks, option = ([2, 2, 2, 2], "B") if arch == "resnet18" else ([3, 3, 3], "A")
        self.arch = arch
        self.conv1 = nn.Conv2d(3, width, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        cin = width
        for s, n in enumerate(blocks):
            cout = width * 2 ** s
            layers = []
            for b in range(n):
                layers.append(Block(cin, cout, 2 if (b == 0 and s > 0) else 1, option))
                cin = cout
            setattr(self, "layer%d" % (s + 1), nn.Sequential(*layers))
        self.stages = len(blocks)
        self.linear = nn.Linear(cin, classes)

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        for s in range(self.stages):
            out = getattr(self, "layer%d" % (s + 1))(out)
        out = F.avg_pool2d(out, 4) if self.arch == "resnet18" else F.avg_pool2d(out, out.size()[3])
        return self.linear(out.reshape(out.size(0), -1))


def build(arch, width, dtype):
    torch.manual_seed(0)
    net = Net(arch, int(width))
    return net.double() if dtype == "float64" else net.float()


def export(arch, width, dtype, out):
    net = build(arch, width, dtype)
    dt = torch.float64 if dtype == "float64" else torch.float32
    g = torch.Generator().manual_seed(1)
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    net.train()
    for _ in range(3):
        xb = (torch.randn(8, 3, 32, 32, generator=g) * 1.5 + 0.3).to(dt)
        yb = torch.randint(0, 10, (8,), generator=g)
        opt.zero_grad()
        F.cross_entropy(net(xb), yb).backward()
        opt.step()
    save(out + "/model.safetensors", net.state_dict())
    x = (torch.randn(4, 3, 32, 32, generator=g) * 1.2 - 0.1).to(dt)
    y = torch.randint(0, 10, (4,), generator=g)
    io = {"x": x, "y": y.to(dt)}
    for mode in ("eval", "train"):
        net.train(mode == "train")
        net.zero_grad()
        logits = net(x)
        F.cross_entropy(logits, y).backward()
        io["logits_" + mode] = logits
        for name, p in net.named_parameters():
            io["grad_%s.%s" % (mode, name)] = p.grad.clone()
    for name, b in net.named_buffers():
        io["after_train." + name] = b
    save(out + "/io.safetensors", io)


def check(arch, width, dtype, model, xfile, out):
    net = build(arch, width, dtype)
    state = load(model)
    net.load_state_dict(state, strict=True)
    net.eval()
    with torch.no_grad():
        save(out, {"logits": net(load(xfile)["x"].to(next(net.parameters()).dtype))})


if __name__ == "__main__":
    root = sys.argv[2]
    for job in sys.argv[3:]:
        if sys.argv[1] == "export":
            arch, width, dtype = job.split(":")
            d = "%s/%s-%s" % (root, arch, dtype)
            os.makedirs(d, exist_ok=True)
            export(arch, width, dtype, d)
        else:
            arch, width = job.split(":")
            d = "%s/%s" % (root, arch)
            check(arch, width, "float64", d + "/occam.safetensors", d + "/x.safetensors", d + "/logits.safetensors")
