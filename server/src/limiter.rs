//! A small in-memory limiter of failed look-ups per client address: after
//! `limit` failures within `window`, further look-ups from that address are
//! refused until the window ends. One process only (a restart forgets).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct FailureLimiter {
    limit: u32,
    window: Duration,
    entries: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl FailureLimiter {
    pub fn new(limit: u32, window: Duration) -> FailureLimiter {
        FailureLimiter {
            limit,
            window,
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// Whether `ip` has used up its failures in the current window.
    pub fn blocked(&self, ip: IpAddr) -> bool {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .get(&ip)
            .is_some_and(|(start, count)| start.elapsed() < self.window && *count >= self.limit)
    }

    /// Count a failure for `ip`.
    pub fn fail(&self, ip: IpAddr) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() > 100_000 {
            let window = self.window;
            entries.retain(|_, (start, _)| start.elapsed() < window);
        }
        let entry = entries.entry(ip).or_insert((Instant::now(), 0));
        if entry.0.elapsed() >= self.window {
            *entry = (Instant::now(), 0);
        }
        entry.1 += 1;
    }
}

impl Default for FailureLimiter {
    /// 10 failures a minute.
    fn default() -> FailureLimiter {
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
        assert!(!l.blocked(a));
        l.fail(a);
        assert!(l.blocked(a));
        assert!(!l.blocked(b));
        std::thread::sleep(Duration::from_millis(60));
        assert!(!l.blocked(a));
    }
}
