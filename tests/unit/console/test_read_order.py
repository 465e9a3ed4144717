"""Read results handed over in request order: a later read that finishes first waits."""

from __future__ import annotations

import pytest

from console.read_order import InOrder


def test_a_later_read_finishing_first_waits_for_the_earlier_one() -> None:
    order, done = InOrder(), []
    first, second, third = order.ticket(), order.ticket(), order.ticket()
    order.settle(third, lambda: done.append("third"))
    order.settle(second, lambda: done.append("second"))
    assert done == []  # both wait for the first
    assert order.waiting == 2
    order.settle(first, lambda: done.append("first"))
    assert done == ["first", "second", "third"]
    assert order.waiting == 0
    fourth = order.ticket()
    order.settle(fourth, lambda: done.append("fourth"))  # nothing earlier left: at once
    assert done[-1] == "fourth"


def test_an_action_that_raises_does_not_hold_up_the_later_ones() -> None:
    order, done = InOrder(), []
    first, second = order.ticket(), order.ticket()
    order.settle(second, lambda: done.append("second"))

    def boom() -> None:
        raise RuntimeError("the first read's callback failed")

    with pytest.raises(RuntimeError, match="first read"):
        order.settle(first, boom)
    assert done == ["second"]
    assert order.waiting == 0
