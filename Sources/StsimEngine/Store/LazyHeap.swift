import HeapModule

/// A min-heap of integers whose entries may go stale: callers validate the top against their own
/// state and pop stale ones (`popStale`). Pushing a value twice is harmless. This keeps "lowest
/// unhealthy ordinal"-style questions O(log n) amortised without a balanced tree.
struct LazyMinHeap {
    private var heap = Heap<Int>()

    mutating func push(_ v: Int) { heap.insert(v) }
    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }
    /// The smallest entry, valid or not (valid once `min(where:)` has pruned the heap).
    var top: Int? { heap.min }

    /// The smallest entry for which `isValid` holds; invalid entries above it are removed.
    mutating func min(where isValid: (Int) -> Bool) -> Int? {
        while let top = heap.min {
            if isValid(top) { return top }
            heap.removeMin()
        }
        return nil
    }

    mutating func popMin() -> Int? { heap.popMin() }
    mutating func removeAll() { heap = Heap() }
}

/// The max-heap counterpart of `LazyMinHeap` (condemned pods go highest ordinal first).
struct LazyMaxHeap {
    private var heap = Heap<Int>()

    mutating func push(_ v: Int) { heap.insert(v) }
    var isEmpty: Bool { heap.isEmpty }

    /// The largest entry, valid or not (valid once `max(where:)` has pruned the heap).
    var top: Int? { heap.max }

    mutating func max(where isValid: (Int) -> Bool) -> Int? {
        while let top = heap.max {
            if isValid(top) { return top }
            heap.removeMax()
        }
        return nil
    }

    mutating func popMax() -> Int? { heap.popMax() }
    mutating func removeAll() { heap = Heap() }
}
