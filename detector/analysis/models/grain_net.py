"""The grain network: reads the quantised DCT coefficients of each 8x8 JPEG luma block and
gives each block a logit for "this block belongs to a pasted-in area".

One block's coefficients say little (fine texture and grain both leave high frequencies); the
two 3x3 layers let it compare each block with the 5x5 blocks around it (`context` widens that).
The committed network has about 4 k weights, so 12 megapixels (187 k blocks) take a fraction of
a second on one core. Import this module only where torch may be imported (workers, training),
never in the web process.
"""

from __future__ import annotations

from torch import nn

AC_COEFFICIENTS = 63
CHANNELS = 2 * AC_COEFFICIENTS  # log(1 + |q|) and [|q| == 1] for every AC coefficient
WIDTH = 16


class GrainNet(nn.Sequential):
    """`context` adds 3x3 layers dilated 2, 4, ... before the last one, so each block is
    compared with a wider ring of neighbours (0: the committed network's layout)."""

    def __init__(self, width: int = WIDTH, context: int = 0):
        layers = [
            nn.Conv2d(CHANNELS, width, 1),
            nn.ReLU(),
            nn.Conv2d(width, width, 3, padding=1),
            nn.ReLU(),
        ]
        dilations = [2**level for level in range(1, context + 1)]
        for dilation in dilations:
            layers += [nn.Conv2d(width, width, 3, padding=dilation, dilation=dilation), nn.ReLU()]
        layers.append(nn.Conv2d(width, 1, 3, padding=1))
        super().__init__(*layers)
        # Rows of blocks on each side that influence a block's output.
        self.reach = 2 + sum(dilations)
