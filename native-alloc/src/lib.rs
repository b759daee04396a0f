//! The global allocator of the native tools: [mimalloc], called the way
//! Rust's own system allocator calls `malloc`.
//!
//! A screening with its reasons allocates about 145 small lists; with
//! glibc's allocator `malloc` and `free` were a third of its instructions
//! (rules-core/README.md, Benchmarks). The `mimalloc` crate's allocator
//! passes every request to `mi_malloc_aligned`, whose fast path works only
//! when the size class's next free block happens to have the alignment;
//! otherwise (a fresh page, a size that is not a power of two) it takes
//! the generic path, and may over-allocate. mimalloc's ordinary
//! `mi_malloc` already returns blocks aligned to 16 bytes when the size is
//! at least 16, and to 8 otherwise (its blocks are whole words, and a
//! page's first block is 16-aligned), so a request whose alignment is at
//! most 16 and at most its size needs nothing more. Those requests, which
//! are all of ours, go to `mi_malloc`, `mi_zalloc` and `mi_realloc`; any
//! other goes to the aligned functions. `mi_free` frees either.
//!
//! [mimalloc]: https://github.com/microsoft/mimalloc

#![no_std]

use core::alloc::{GlobalAlloc, Layout};
use core::ffi::c_void;
use libmimalloc_sys::{
    mi_free, mi_malloc, mi_malloc_aligned, mi_realloc, mi_realloc_aligned, mi_zalloc,
    mi_zalloc_aligned,
};

/// mimalloc's `MI_MAX_ALIGN_SIZE`: the alignment of every block of at
/// least this size.
const MAX_PLAIN_ALIGN: usize = 16;

/// Use as `#[global_allocator] static A: native_alloc::Mimalloc =
/// native_alloc::Mimalloc;`.
pub struct Mimalloc;

/// Whether `mi_malloc` of `size` bytes is aligned enough for `align`.
#[inline(always)]
fn plain(align: usize, size: usize) -> bool {
    align <= MAX_PLAIN_ALIGN && align <= size
}

// The whole impl: each function forwards to the mimalloc function that
// allocates, reallocates or frees with at least the layout's size and
// alignment; every pointer comes from and goes back to mimalloc, whose
// `mi_free` takes blocks of either kind.
// SAFETY: `plain` admits only requests `mi_malloc` aligns enough (see the
// module's documentation); the others go to the aligned functions.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if plain(layout.align(), layout.size()) {
                mi_malloc(layout.size()).cast()
            } else {
                mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if plain(layout.align(), layout.size()) {
                mi_zalloc(layout.size()).cast()
            } else {
                mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: see the impl.
        unsafe { mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if plain(layout.align(), new_size) {
                mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sizes around every small size class and across the large ones, and
    /// every alignment a Rust type may ask for up to a page (and beyond).
    fn layouts() -> impl Iterator<Item = Layout> {
        let sizes = (1..=72).chain([
            96,
            100,
            127,
            128,
            129,
            136,
            952,
            1024,
            1025,
            4096,
            70_000,
            1 << 20,
        ]);
        sizes.flat_map(|size| {
            [1, 2, 4, 8, 16, 32, 64, 4096, 1 << 16]
                .into_iter()
                .filter_map(move |align| Layout::from_size_align(size, align).ok())
        })
    }

    fn aligned(p: *mut u8, align: usize) -> bool {
        !p.is_null() && (p as usize).is_multiple_of(align)
    }

    #[test]
    fn every_block_has_its_layouts_alignment_and_size() {
        for layout in layouts() {
            // SAFETY: a non-zero size; the block is written within its size
            // and freed with its layout.
            unsafe {
                let p = Mimalloc.alloc(layout);
                assert!(aligned(p, layout.align()), "{layout:?} at {p:?}");
                p.write_bytes(0xA5, layout.size());
                assert_eq!(*p.add(layout.size() - 1), 0xA5);
                Mimalloc.dealloc(p, layout);
            }
        }
    }

    #[test]
    fn zeroed_blocks_are_zero_even_when_reused() {
        for layout in layouts() {
            // SAFETY: as above; the second block may reuse the first's memory.
            unsafe {
                let dirty = Mimalloc.alloc(layout);
                dirty.write_bytes(0xFF, layout.size());
                Mimalloc.dealloc(dirty, layout);
                let p = Mimalloc.alloc_zeroed(layout);
                assert!(aligned(p, layout.align()), "{layout:?}");
                let bytes = core::slice::from_raw_parts(p, layout.size());
                assert!(bytes.iter().all(|&b| b == 0), "{layout:?}");
                Mimalloc.dealloc(p, layout);
            }
        }
    }

    #[test]
    fn reallocation_keeps_the_contents_and_the_alignment() {
        for layout in layouts() {
            for new_size in [1, layout.size() / 2 + 1, layout.size() * 3 + 5, 3000] {
                // SAFETY: the block is filled within its size, reallocated to
                // a non-zero size, read within the smaller of the two sizes
                // and freed with its new layout.
                unsafe {
                    let p = Mimalloc.alloc(layout);
                    for i in 0..layout.size() {
                        *p.add(i) = i as u8;
                    }
                    let q = Mimalloc.realloc(p, layout, new_size);
                    assert!(aligned(q, layout.align()), "{layout:?} → {new_size}");
                    for i in 0..layout.size().min(new_size) {
                        assert_eq!(*q.add(i), i as u8, "{layout:?} → {new_size}, byte {i}");
                    }
                    let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
                    Mimalloc.dealloc(q, new_layout);
                }
            }
        }
    }

    #[test]
    fn the_plain_path_is_taken_only_where_malloc_aligns_enough() {
        assert!(plain(8, 8) && plain(16, 16) && plain(16, 952) && plain(1, 1));
        // Smaller than its alignment, or more than mimalloc's 16 bytes.
        assert!(!plain(16, 8) && !plain(32, 64) && !plain(4096, 4096));
    }
}
