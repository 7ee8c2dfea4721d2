"""One module per analyzer; importing this package registers all of them."""

from . import provenance  # noqa: F401
