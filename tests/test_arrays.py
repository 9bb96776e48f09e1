"""Array helpers of the million-row steps: the same answers as the plain NumPy they replace."""

import numpy as np
import pytest

from cds_cli.arrays import stable_order


@pytest.mark.parametrize("top", [3, 255, 256, 65_535, 65_536, 10**7], ids=lambda top: f"keys up to {top:,}")
def test_stable_order_is_a_stable_argsort_at_every_key_width(top):
    keys = np.random.default_rng(top).integers(0, top + 1, 5_000)
    keys[:3] = [top, 0, top]  # both ends of the range, and a tie at the top
    assert stable_order(keys).tolist() == np.argsort(keys, kind="stable").tolist()


def test_stable_order_of_nothing():
    assert stable_order(np.array([], dtype=np.int64)).tolist() == []
