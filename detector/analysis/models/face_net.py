"""The face-manipulation network: a MobileNetV2 (plain torch) with two outputs.

- a logit: is this face crop blended from two sources (a face swap) or untouched?
- a blend-boundary map at 1/16 of the input size: where the two sources meet. It trains the
  network to look at the seam rather than at who the person is, and it is the heat-map shown
  to people.

Layer names follow torchvision's MobileNetV2 so that ImageNet weights (shipped as a state dict
by a registry package, used for training only) load with every key matched. torchvision itself
does not import beside the CPU torch build we pin, hence this plain definition. Import this
module only where torch may be imported (workers, training), never in the web process.
"""

from __future__ import annotations

import torch
from torch import nn

# (expansion, output channels, repeats, first stride), as in the MobileNetV2 paper.
BLOCKS = [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1)]
LATE_BLOCKS = [(6, 160, 3, 2), (6, 320, 1, 1)]
MASK_FROM = 13  # features[13] ends the stride-16 stage (96 channels)
MASK_STRIDE = 16


class ConvBNReLU(nn.Sequential):
    def __init__(self, cin: int, cout: int, kernel: int = 3, stride: int = 1, groups: int = 1):
        super().__init__(
            nn.Conv2d(cin, cout, kernel, stride, (kernel - 1) // 2, groups=groups, bias=False),
            nn.BatchNorm2d(cout),
            nn.ReLU6(inplace=True),
        )


class InvertedResidual(nn.Module):
    def __init__(self, cin: int, cout: int, stride: int, expansion: int):
        super().__init__()
        hidden = cin * expansion
        self.use_residual = stride == 1 and cin == cout
        layers: list[nn.Module] = []
        if expansion != 1:
            layers.append(ConvBNReLU(cin, hidden, kernel=1))
        layers += [
            ConvBNReLU(hidden, hidden, stride=stride, groups=hidden),
            nn.Conv2d(hidden, cout, 1, bias=False),
            nn.BatchNorm2d(cout),
        ]
        self.conv = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.conv(x) if self.use_residual else self.conv(x)


class FaceNet(nn.Module):
    """Input: N x 3 x S x S, RGB scaled to 0..1 then ImageNet-normalised inside `forward`."""

    def __init__(self):
        super().__init__()
        layers: list[nn.Module] = [ConvBNReLU(3, 32, stride=2)]
        cin = 32
        for expansion, cout, repeats, stride in BLOCKS + LATE_BLOCKS:
            for i in range(repeats):
                layers.append(InvertedResidual(cin, cout, stride if i == 0 else 1, expansion))
                cin = cout
        layers.append(ConvBNReLU(cin, 1280, kernel=1))
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Sequential(nn.Dropout(0.2), nn.Linear(1280, 1))
        self.mask_head = nn.Sequential(ConvBNReLU(96, 64), nn.Conv2d(64, 1, 1))
        self.register_buffer("mean", torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1))
        self.register_buffer("std", torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1))

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Returns (logits N, boundary-map logits N x 1 x S/16 x S/16)."""
        x = (x - self.mean) / self.std
        x = self.features[: MASK_FROM + 1](x)
        boundary = self.mask_head(x)
        x = self.features[MASK_FROM + 1 :](x)
        x = nn.functional.adaptive_avg_pool2d(x, 1).flatten(1)
        return self.classifier(x).squeeze(1), boundary


def load_imagenet(net: FaceNet, state: dict[str, torch.Tensor]) -> list[str]:
    """Copies the ImageNet backbone in; returns the keys it left untouched (the new heads)."""
    own = net.state_dict()
    shared = {k: v for k, v in state.items() if k in own and own[k].shape == v.shape}
    missing_backbone = [k for k in own if k.startswith("features.") and k not in shared]
    if missing_backbone:
        raise ValueError(f"ImageNet state dict lacks {len(missing_backbone)} backbone keys")
    net.load_state_dict(shared, strict=False)
    return sorted(set(own) - set(shared))
