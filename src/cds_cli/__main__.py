"""`python -m cds_cli` is the same as `cds`."""

from .console import main

main()
