//! One small sort for the whole crate. The standard library's sorts are fast but large, and
//! each element type and comparison gets its own copy in the wasm (16 copies: 59 KB before
//! wasm-opt, 11 KB brotli). These are heapsorts and a heap selection, written once over
//! positions with the comparison and the swap behind one `dyn` call: every use shares one copy.

use std::cmp::Ordering;

/// What the heap asks of the slice.
enum Op {
    /// Whether the element at the first position comes before the one at the second.
    Less,
    Swap,
}

type Ops<'a> = &'a mut dyn FnMut(Op, usize, usize) -> bool;

fn sift_down(ops: Ops, mut node: usize, end: usize) {
    loop {
        let mut child = 2 * node + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && ops(Op::Less, child, child + 1) {
            child += 1;
        }
        if !ops(Op::Less, node, child) {
            break;
        }
        ops(Op::Swap, node, child);
        node = child;
    }
}

#[inline(never)]
fn heap_sort(len: usize, ops: Ops) {
    for i in (0..len / 2).rev() {
        sift_down(ops, i, len);
    }
    for end in (1..len).rev() {
        ops(Op::Swap, 0, end);
        sift_down(ops, 0, end);
    }
}

/// Puts the `n`th element (from 0) where a sort would, the smaller ones before it (in no
/// order) and the others after it.
#[inline(never)]
fn heap_select(len: usize, n: usize, ops: Ops) {
    if n >= len {
        return;
    }
    let k = n + 1;
    for i in (0..k / 2).rev() {
        sift_down(ops, i, k);
    }
    for j in k..len {
        if ops(Op::Less, j, 0) {
            ops(Op::Swap, 0, j);
            sift_down(ops, 0, k);
        }
    }
    ops(Op::Swap, 0, n);
}

/// Sorts and selections on slices, in place; the sorts are not stable unless they say so.
pub trait SmallSort<T> {
    fn small_sort_by(&mut self, cmp: impl FnMut(&T, &T) -> Ordering);
    fn small_sort_by_key<K: Ord>(&mut self, mut key: impl FnMut(&T) -> K) {
        self.small_sort_by(|a, b| key(a).cmp(&key(b)))
    }
    fn small_sort(&mut self)
    where
        T: Ord,
    {
        self.small_sort_by(T::cmp)
    }
    /// Stable, with each element's key computed once.
    fn small_stable_sort_by_key<K: Ord>(&mut self, key: impl FnMut(&T) -> K);
    fn small_select_nth_by(&mut self, n: usize, cmp: impl FnMut(&T, &T) -> Ordering);
    fn small_select_nth_by_key<K: Ord>(&mut self, n: usize, mut key: impl FnMut(&T) -> K) {
        self.small_select_nth_by(n, |a, b| key(a).cmp(&key(b)))
    }
}

impl<T> SmallSort<T> for [T] {
    fn small_sort_by(&mut self, cmp: impl FnMut(&T, &T) -> Ordering) {
        heap_sort(self.len(), &mut ops(self, cmp));
    }

    fn small_stable_sort_by_key<K: Ord>(&mut self, key: impl FnMut(&T) -> K) {
        let mut keys: Vec<(K, usize)> = self.iter().map(key).enumerate().map(|(i, k)| (k, i)).collect();
        keys.small_sort_by(|a, b| a.cmp(b));
        // Applies the permutation in place (as the standard library's sort_by_cached_key does).
        for i in 0..self.len() {
            let mut from = keys[i].1;
            while from < i {
                from = keys[from].1;
            }
            keys[i].1 = from;
            self.swap(i, from);
        }
    }

    fn small_select_nth_by(&mut self, n: usize, cmp: impl FnMut(&T, &T) -> Ordering) {
        heap_select(self.len(), n, &mut ops(self, cmp));
    }
}

/// The heap's operations on `slice`, ordered by `cmp`.
fn ops<'a, T, C: FnMut(&T, &T) -> Ordering + 'a>(
    slice: &'a mut [T],
    mut cmp: C,
) -> impl FnMut(Op, usize, usize) -> bool + 'a {
    move |op, i, j| match op {
        Op::Less => cmp(&slice[i], &slice[j]) == Ordering::Less,
        Op::Swap => {
            slice.swap(i, j);
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SmallSort;

    #[test]
    fn sorts_selects_and_keeps_equal_keys_in_order() {
        let mut seed = 12345u32;
        for len in [0usize, 1, 2, 3, 7, 64, 1000] {
            let v: Vec<u32> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    (seed >> 16) % 50
                })
                .collect();
            let mut a = v.clone();
            a.small_sort();
            let mut b = v.clone();
            b.sort();
            assert_eq!(a, b);
            let mut pairs: Vec<(u32, usize)> = v.iter().copied().zip(0..).collect();
            pairs.small_stable_sort_by_key(|p| p.0);
            let mut expected: Vec<(u32, usize)> = v.iter().copied().zip(0..).collect();
            expected.sort_by_key(|p| p.0);
            assert_eq!(pairs, expected);
            for n in [0, len / 2, len.saturating_sub(1)] {
                if n < len {
                    let mut c = v.clone();
                    c.small_select_nth_by(n, |x, y| x.cmp(y));
                    assert_eq!(c[n], b[n]);
                    assert!(c[..n].iter().all(|x| *x <= c[n]) && c[n + 1..].iter().all(|x| *x >= c[n]));
                }
            }
        }
    }
}
