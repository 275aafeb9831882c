"""Disjoint sets over integer ids; the result does not depend on the order of unions."""

from __future__ import annotations


class UnionFind:
    def __init__(self, size: int) -> None:
        self._parent = list(range(size))

    def find(self, item: int) -> int:
        parent = self._parent
        root = item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:
            parent[item], item = root, parent[item]
        return root

    def union(self, first: int, second: int) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            # The smaller id becomes the root so that roots are the same whatever the call order.
            if b < a:
                a, b = b, a
            self._parent[b] = a

    def groups(self) -> dict[int, list[int]]:
        members: dict[int, list[int]] = {}
        for item in range(len(self._parent)):
            members.setdefault(self.find(item), []).append(item)
        return members
