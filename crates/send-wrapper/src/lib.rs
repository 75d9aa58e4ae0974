//! `SendWrapper<T>`: a value that is not `Send` made `Send` and `Sync`, on the promise
//! that it is only read, written and dropped on the thread that made it. The API of the
//! send_wrapper crate (0.6), which Leptos wraps its browser values in, written here so
//! that the workspace can put it in that crate's place (`[patch.crates-io]`).
//!
//! Why: send_wrapper keeps that promise by asking for the current thread on every
//! access, and `std::thread::current` brings in the thread's handle, which the standard
//! library allocates with its own allocator (dlmalloc), next to the app's (talc): about
//! 5 KB of each browser bundle for a check that cannot fail, since WebAssembly without
//! the atomics feature has one thread. There, this wrapper checks nothing. Everywhere
//! else (the native tests) it checks as send_wrapper does: reading, writing or dropping
//! the value on another thread panics.

use std::fmt;
use std::mem::ManuallyDrop;
use std::ops::{Deref, DerefMut};

/// Where the value was made, when there can be more than one thread.
#[cfg(not(all(target_family = "wasm", not(target_feature = "atomics"))))]
mod origin {
    use std::thread::{self, ThreadId};

    #[derive(Clone, Copy)]
    pub struct Origin(ThreadId);

    impl Origin {
        pub fn here() -> Origin {
            Origin(thread::current().id())
        }
        pub fn is_here(self) -> bool {
            self.0 == thread::current().id()
        }
    }
}

/// One thread only: every access is on the thread that made the value.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
mod origin {
    #[derive(Clone, Copy)]
    pub struct Origin;

    impl Origin {
        pub fn here() -> Origin {
            Origin
        }
        pub fn is_here(self) -> bool {
            true
        }
    }
}

use origin::Origin;

/// A value usable only on the thread that wrapped it (see the crate's documentation).
pub struct SendWrapper<T> {
    data: ManuallyDrop<T>,
    origin: Origin,
}

impl<T> SendWrapper<T> {
    /// Wraps `data`, made on the current thread.
    pub fn new(data: T) -> SendWrapper<T> {
        SendWrapper {
            data: ManuallyDrop::new(data),
            origin: Origin::here(),
        }
    }

    /// Whether the value may be used here: this is the thread that wrapped it.
    pub fn valid(&self) -> bool {
        self.origin.is_here()
    }

    /// The value, out of its wrapper. Panics on another thread than the one that
    /// wrapped it.
    pub fn take(self) -> T {
        self.assert_here("take");
        let mut this = ManuallyDrop::new(self);
        // SAFETY: `this` is never dropped, so `data` is moved out exactly once.
        unsafe { ManuallyDrop::take(&mut this.data) }
    }

    fn assert_here(&self, what: &str) {
        if !self.valid() {
            panic!("SendWrapper: {what} on a thread other than the one that made the value");
        }
    }
}

// SAFETY: every use of the value checks that it is on the thread that made it (and
// there is only one thread where the check is left out).
unsafe impl<T> Send for SendWrapper<T> {}
// SAFETY: as for Send: a shared reference reaches the value only through `Deref`, which
// checks the thread.
unsafe impl<T> Sync for SendWrapper<T> {}

impl<T> Deref for SendWrapper<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.assert_here("read");
        &self.data
    }
}

impl<T> DerefMut for SendWrapper<T> {
    fn deref_mut(&mut self) -> &mut T {
        self.assert_here("write");
        &mut self.data
    }
}

impl<T> Drop for SendWrapper<T> {
    fn drop(&mut self) {
        // A value with nothing to drop may go anywhere; one that has must be dropped
        // where it was made (but a panic elsewhere must not become an abort).
        if std::mem::needs_drop::<T>() && !self.valid() {
            if std::thread::panicking() {
                return;
            }
            panic!("SendWrapper: dropped on a thread other than the one that made the value");
        }
        // SAFETY: `data` is dropped once, here, and never read again.
        unsafe { ManuallyDrop::drop(&mut self.data) }
    }
}

impl<T: fmt::Debug> fmt::Debug for SendWrapper<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SendWrapper")
            .field("data", self.deref())
            .finish()
    }
}

impl<T: Clone> Clone for SendWrapper<T> {
    fn clone(&self) -> SendWrapper<T> {
        SendWrapper::new(self.deref().clone())
    }
}

#[cfg(feature = "futures")]
mod futures {
    use super::SendWrapper;
    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    impl<F: Future> Future for SendWrapper<F> {
        type Output = F::Output;

        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
            self.assert_here("poll");
            // SAFETY: the future is never moved out of its pinned wrapper.
            let inner = unsafe { self.map_unchecked_mut(|w| &mut *w.data) };
            inner.poll(cx)
        }
    }

    impl<S: futures_core::Stream> futures_core::Stream for SendWrapper<S> {
        type Item = S::Item;

        fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
            self.assert_here("poll");
            // SAFETY: as for poll.
            let inner = unsafe { self.map_unchecked_mut(|w| &mut *w.data) };
            inner.poll_next(cx)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SendWrapper;
    use std::rc::Rc;
    use std::thread;

    #[test]
    fn the_value_is_usable_where_it_was_made() {
        let mut w = SendWrapper::new(Rc::new(1));
        assert!(w.valid());
        assert_eq!(**w, 1);
        *w = Rc::new(2);
        assert_eq!(*w.clone().take(), 2);
    }

    #[test]
    fn elsewhere_it_cannot_be_read_nor_dropped() {
        let w = SendWrapper::new(Rc::new(1));
        let moved = thread::spawn(move || {
            assert!(!w.valid());
            let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| **w));
            assert!(read.is_err(), "read on another thread");
            w
        })
        .join()
        .expect("the thread returns the wrapper");
        assert_eq!(*moved.take(), 1);
        let dropped = thread::spawn(|| drop(SendWrapper::new(Rc::new(1))));
        assert!(dropped.join().is_ok(), "made and dropped on one thread");
        let w = SendWrapper::new(Rc::new(1));
        assert!(
            thread::spawn(move || drop(w)).join().is_err(),
            "dropped on another thread"
        );
    }

    #[test]
    fn a_value_with_nothing_to_drop_may_be_dropped_anywhere() {
        let w = SendWrapper::new(5u32);
        assert!(thread::spawn(move || drop(w)).join().is_ok());
    }

    #[cfg(feature = "futures")]
    #[test]
    fn a_wrapped_future_runs_to_its_value() {
        use std::future::Future;
        use std::task::{Context, Poll, Waker};
        let mut f = Box::pin(SendWrapper::new(async { Rc::new(7) }));
        let mut cx = Context::from_waker(Waker::noop());
        assert!(matches!(f.as_mut().poll(&mut cx), Poll::Ready(v) if *v == 7));
    }
}
