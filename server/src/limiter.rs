//! A small in-memory limiter of failures per key (a client address, an
//! account name): after `limit` failures within `window`, further attempts
//! for that key are refused until the window ends. One process only (a
//! restart forgets).

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct FailureLimiter<K = IpAddr> {
    limit: u32,
    window: Duration,
    entries: Mutex<HashMap<K, (Instant, u32)>>,
}

impl<K: Hash + Eq> FailureLimiter<K> {
    pub fn new(limit: u32, window: Duration) -> FailureLimiter<K> {
        FailureLimiter {
            limit,
            window,
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// Whether `key` has used up its failures in the current window.
    pub fn blocked(&self, key: &K) -> bool {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .get(key)
            .is_some_and(|(start, count)| start.elapsed() < self.window && *count >= self.limit)
    }

    /// Count a failure for `key`.
    pub fn fail(&self, key: K) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() > 100_000 {
            let window = self.window;
            entries.retain(|_, (start, _)| start.elapsed() < window);
        }
        let entry = entries.entry(key).or_insert((Instant::now(), 0));
        if entry.0.elapsed() >= self.window {
            *entry = (Instant::now(), 0);
        }
        entry.1 += 1;
    }
}

impl<K: Hash + Eq> Default for FailureLimiter<K> {
    /// 10 failures a minute.
    fn default() -> FailureLimiter<K> {
        FailureLimiter::new(10, Duration::from_secs(60))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_after_limit_then_forgets() {
        let l = FailureLimiter::new(2, Duration::from_millis(50));
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        l.fail(a);
        assert!(!l.blocked(&a));
        l.fail(a);
        assert!(l.blocked(&a));
        assert!(!l.blocked(&b));
        std::thread::sleep(Duration::from_millis(60));
        assert!(!l.blocked(&a));
    }
}
