"""`python -m cds_cli` is the same as `cds`."""

from .cli import main

main()
