//! Who is on the other end of a connection, for throttling: the peer address, or behind
//! a configured trusted proxy the address that proxy forwarded for. An IPv6 client is
//! counted by its /64, which one household or host usually holds whole.

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::HeaderMap;

use crate::AppState;

/// The client a request comes from; `None` only when the server was started without
/// connection information (a router driven in-process).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr(pub Option<IpAddr>);

impl ClientAddr {
    /// The key throttles count this client under.
    pub fn key(&self) -> String {
        match self.0.map(canonical) {
            Some(IpAddr::V6(v6)) => {
                let s = v6.segments();
                format!("addr:{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
            Some(ip) => format!("addr:{ip}"),
            None => "addr:unknown".to_string(),
        }
    }
}

fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// The client behind `peer`: the peer itself unless it is a trusted proxy, in which case
/// the rightmost `X-Forwarded-For` entry that is not itself trusted (entries further left
/// are whatever the client chose to send).
pub fn client_of(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|t| canonical(*t) == canonical(*ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let forwarded = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect::<Vec<_>>();
    for entry in forwarded.iter().rev() {
        match entry.parse::<IpAddr>() {
            Ok(ip) if is_trusted(&ip) => continue,
            Ok(ip) => return ip,
            Err(_) => break,
        }
    }
    peer
}

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip());
        Ok(ClientAddr(peer.map(|p| {
            client_of(p, &parts.headers, &state.config.trusted_proxies)
        })))
    }
}

/// At most `limit` events per key in each `window`, counted in memory (a restart
/// forgives everyone, which is acceptable for what this guards: floods, not secrets).
#[derive(Debug)]
pub struct Throttle {
    limit: u32,
    window: Duration,
    seen: Mutex<HashMap<String, (Instant, u32)>>,
}

/// Keys kept before expired windows are swept.
const SWEEP_AT: usize = 10_000;

impl Throttle {
    pub fn new(limit: u32, window: Duration) -> Throttle {
        Throttle {
            limit,
            window,
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one event for `key`; past the limit, the seconds until the window ends.
    pub fn hit(&self, key: &str) -> Result<(), u64> {
        let now = Instant::now();
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        if seen.len() >= SWEEP_AT {
            seen.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        let entry = seen.entry(key.to_string()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        if entry.1 >= self.limit {
            let left = self.window.saturating_sub(now.duration_since(entry.0));
            return Err(left.as_secs().max(1));
        }
        entry.1 += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn clients_are_keyed_by_address_and_ipv6_prefix() {
        let key = |s: &str| ClientAddr(Some(s.parse().unwrap())).key();
        assert_eq!(key("203.0.113.7"), "addr:203.0.113.7");
        assert_eq!(key("::ffff:203.0.113.7"), "addr:203.0.113.7");
        assert_eq!(key("2001:db8:1:2:3:4:5:6"), key("2001:db8:1:2:ffff::1"));
        assert_ne!(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
    }

    #[test]
    fn forwarded_for_counts_only_from_a_trusted_proxy() {
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("1.1.1.1, 203.0.113.7, 10.0.0.1"),
        );
        assert_eq!(
            client_of(proxy, &headers, &[proxy]),
            "203.0.113.7".parse::<IpAddr>().unwrap()
        );
        let stranger: IpAddr = "198.51.100.9".parse().unwrap();
        assert_eq!(client_of(stranger, &headers, &[proxy]), stranger);
        assert_eq!(client_of(proxy, &HeaderMap::new(), &[proxy]), proxy);
    }

    #[test]
    fn the_throttle_counts_per_key() {
        let t = Throttle::new(2, Duration::from_secs(60));
        assert!(t.hit("a").is_ok());
        assert!(t.hit("a").is_ok());
        assert!(matches!(t.hit("a"), Err(s) if (1..=60).contains(&s)));
        assert!(t.hit("b").is_ok());
    }
}
