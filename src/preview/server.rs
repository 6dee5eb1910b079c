//! The preview server of `reunion apercu`: serves the published folder over
//! HTTP on the loopback interface only, as it is on disk at each request
//! (so the last good publication stays served while a record is broken).
//!
//! hyper 1 (HTTP/1.1) on a current-thread tokio runtime: one thread for
//! every connection, however many. What it promises (docs/SECURITY.md):
//! - it answers only a request whose `Host` is the address and port it
//!   serves (`127.0.0.1:PORT` or `localhost:PORT`), any other gets 421, so
//!   that a page of another site cannot read the preview by DNS
//!   rebinding;
//! - at most [`MAX_CONNECTIONS`] connections are served at once; when all
//!   are taken, the next one is accepted and the connection quiet the
//!   longest (a second at least) is closed to make room for it, and the
//!   others wait in the system's queue (no thread, task or memory of ours);
//! - a request's headers must arrive within [`HEADER_TIMEOUT`], and a
//!   connection with nothing read or written for [`IDLE_TIMEOUT`] is
//!   closed (`REUNION_APERCU_ATTENTE`, in seconds, shortens it);
//! - running out of file descriptors on `accept` is said once and waited
//!   out, never a panic;
//! - a file is served only from inside the folder, the live-reload tag
//!   added to the HTML it sends, not to the files ([`super::answer`]).

use super::answer::{Site, answer};
use super::reload::SiteVersion;
use std::io;
use std::net::{Ipv4Addr, TcpListener};
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// Connections served at once.
pub const MAX_CONNECTIONS: usize = 64;

/// Longest wait for a request's headers.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(5);

/// Longest silence on a connection before it is closed.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(30);

/// The variable that shortens [`IDLE_TIMEOUT`] (seconds, decimals allowed),
/// for tests.
pub const IDLE_TIMEOUT_VAR: &str = "REUNION_APERCU_ATTENTE";

/// Longest request headers read, in bytes.
const MAX_HEADERS: usize = 16 * 1024;

/// The bounds of the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Connections served at once.
    pub connections: usize,
    /// Longest wait for a request's headers.
    pub headers: Duration,
    /// Longest silence on a connection.
    pub idle: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            connections: MAX_CONNECTIONS,
            headers: HEADER_TIMEOUT,
            idle: IDLE_TIMEOUT,
        }
    }
}

impl Limits {
    /// The default limits, the idle time shortened by
    /// [`IDLE_TIMEOUT_VAR`] when it holds a positive number of seconds no
    /// greater than the default.
    pub fn from_env() -> Limits {
        Limits::with_idle_setting(std::env::var(IDLE_TIMEOUT_VAR).ok().as_deref())
    }

    /// The default limits, the idle time shortened by `setting`.
    fn with_idle_setting(setting: Option<&str>) -> Limits {
        let mut limits = Limits::default();
        if let Some(secs) = setting
            .and_then(|v| v.trim().parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s > 0.0)
        {
            limits.idle = Duration::from_secs_f64(secs).min(IDLE_TIMEOUT);
            limits.headers = limits.headers.min(limits.idle);
        }
        limits
    }
}

/// Binds the preview's socket on 127.0.0.1 (`port` 0: any free port).
pub fn bind(port: u16) -> io::Result<TcpListener> {
    TcpListener::bind((Ipv4Addr::LOCALHOST, port))
}

/// Serves `root` on `listener` until the process ends, on a runtime of
/// its own in the calling thread. `warn` is told (in French) of what the
/// user should know: the server running out of file descriptors.
pub fn serve(
    listener: TcpListener,
    root: PathBuf,
    version: SiteVersion,
    limits: Limits,
    warn: impl Fn(&str) + Send + 'static,
) -> io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()?;
    listener.set_nonblocking(true)?;
    let port = listener.local_addr()?.port();
    let site = Arc::new(Site::new(root, port, version));
    runtime.block_on(accept_loop(listener, site, limits, warn))
}

/// Whether an `accept` error says the process or system ran out of
/// something, which passes once connections close.
fn exhausted(e: &io::Error) -> bool {
    matches!(
        e.raw_os_error(),
        Some(libc::EMFILE | libc::ENFILE | libc::ENOBUFS | libc::ENOMEM)
    )
}

/// What the accept loop knows of a connection being served.
struct Served {
    /// When it last read or wrote a byte, in milliseconds since the server
    /// started.
    last: AtomicU64,
    /// Told when the connection must make room for a new one.
    close: tokio::sync::Notify,
}

/// The connections being served, to make room when all the slots are
/// taken.
#[derive(Default)]
struct Registry {
    next: AtomicU64,
    served: std::sync::Mutex<std::collections::HashMap<u64, Arc<Served>>>,
}

impl Registry {
    fn add(&self, start: Instant) -> (u64, Arc<Served>) {
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let served = Arc::new(Served {
            last: AtomicU64::new(millis(start)),
            close: tokio::sync::Notify::new(),
        });
        if let Ok(mut map) = self.served.lock() {
            map.insert(id, Arc::clone(&served));
        }
        (id, served)
    }

    fn remove(&self, id: u64) {
        if let Ok(mut map) = self.served.lock() {
            map.remove(&id);
        }
    }

    /// Tells the connection quiet the longest, if quiet for at least
    /// `quiet`, to close; whether one was told.
    fn evict(&self, start: Instant, quiet: Duration) -> bool {
        let Ok(mut map) = self.served.lock() else {
            return false;
        };
        let now = millis(start);
        let oldest = map
            .iter()
            .map(|(id, s)| (*id, s.last.load(Ordering::Relaxed)))
            .min_by_key(|(_, last)| *last);
        match oldest {
            Some((id, last)) if Duration::from_millis(now.saturating_sub(last)) >= quiet => {
                if let Some(served) = map.remove(&id) {
                    served.close.notify_one();
                }
                true
            }
            _ => false,
        }
    }
}

/// Milliseconds since `start`.
fn millis(start: Instant) -> u64 {
    u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX)
}

async fn accept_loop(
    listener: TcpListener,
    site: Arc<Site>,
    limits: Limits,
    warn: impl Fn(&str),
) -> io::Result<()> {
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let slots = Arc::new(tokio::sync::Semaphore::new(limits.connections));
    let registry = Arc::new(Registry::default());
    let start = Instant::now();
    // A connection quiet this long gives its slot to a new one when all are
    // taken: a hundred silent connections cannot keep a browser waiting.
    let evictable = Duration::from_secs(1).min(limits.idle);
    let mut warned = false;
    let mut backoff = Duration::from_millis(50);
    loop {
        let accepted = match Arc::clone(&slots).try_acquire_owned() {
            Ok(slot) => listener.accept().await.map(|(stream, _)| (slot, stream)),
            // Every slot taken: accept the next connection (one socket, no
            // task), make room for it, and wait for the slot.
            Err(_) => match listener.accept().await {
                Ok((stream, _)) => loop {
                    registry.evict(start, evictable);
                    tokio::select! {
                        slot = Arc::clone(&slots).acquire_owned() => match slot {
                            Ok(slot) => break Ok((slot, stream)),
                            Err(_) => return Ok(()),
                        },
                        () = tokio::time::sleep(Duration::from_millis(250)) => {}
                    }
                },
                Err(e) => Err(e),
            },
        };
        let (slot, stream) = match accepted {
            Ok(accepted) => accepted,
            Err(e) if exhausted(&e) => {
                if !warned {
                    warn(&format!(
                        "l'aperçu manque de ressources pour de nouvelles connexions ({e}) : il attend que d'autres se ferment, et continue de servir"
                    ));
                    warned = true;
                }
                // Room for the next one: the connection quiet the longest.
                registry.evict(start, evictable);
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(Duration::from_secs(1));
                continue;
            }
            // A connection reset before it was accepted, and the like.
            Err(_) => continue,
        };
        backoff = Duration::from_millis(50);
        let _ = stream.set_nodelay(true);
        let site = Arc::clone(&site);
        let registry = Arc::clone(&registry);
        let (id, served) = registry.add(start);
        tokio::spawn(async move {
            connection(stream, site, limits, start, &served).await;
            registry.remove(id);
            drop(slot);
        });
    }
}

/// A stream that notes when it last read or wrote something.
struct Tracked {
    inner: tokio::net::TcpStream,
    start: Instant,
    served: Arc<Served>,
}

impl Tracked {
    fn touch(&self) {
        self.served
            .last
            .store(millis(self.start), Ordering::Relaxed);
    }
}

impl AsyncRead for Tracked {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let poll = Pin::new(&mut self.inner).poll_read(cx, buf);
        if matches!(poll, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.touch();
        }
        poll
    }
}

impl AsyncWrite for Tracked {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        let poll = Pin::new(&mut self.inner).poll_write(cx, data);
        if matches!(poll, Poll::Ready(Ok(n)) if n > 0) {
            self.touch();
        }
        poll
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// Serves one connection until the client closes it, an error,
/// [`Limits::idle`] without a byte either way, or the accept loop needs its
/// slot for a new connection.
async fn connection(
    stream: tokio::net::TcpStream,
    site: Arc<Site>,
    limits: Limits,
    start: Instant,
    served: &Arc<Served>,
) {
    let io = hyper_util::rt::TokioIo::new(Tracked {
        inner: stream,
        start,
        served: Arc::clone(served),
    });
    let service = hyper::service::service_fn(move |req| {
        let site = Arc::clone(&site);
        async move { Ok::<_, std::convert::Infallible>(answer(&req, &site)) }
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(limits.headers)
        .max_buf_size(MAX_HEADERS.max(8192));
    let conn = builder.serve_connection(io, service);
    tokio::pin!(conn);
    let last = || Duration::from_millis(served.last.load(Ordering::Relaxed));
    loop {
        let deadline = tokio::time::Instant::from_std(start + last() + limits.idle);
        tokio::select! {
            _ = conn.as_mut() => return,
            // Dropping the connection closes the socket.
            () = served.close.notified() => return,
            () = tokio::time::sleep_until(deadline) => {
                if start.elapsed().saturating_sub(last()) >= limits.idle {
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_connection_quiet_the_longest_makes_room() {
        let registry = Registry::default();
        let start = Instant::now() - Duration::from_secs(10);
        let (old, first) = registry.add(start);
        let (_, second) = registry.add(start);
        first.last.store(1_000, Ordering::Relaxed);
        second.last.store(5_000, Ordering::Relaxed);
        // Nobody quiet for a minute: nobody told.
        assert!(!registry.evict(start, Duration::from_secs(60)));
        assert!(registry.evict(start, Duration::from_secs(1)));
        let map = registry.served.lock().unwrap();
        assert!(!map.contains_key(&old), "the oldest one was told");
        assert_eq!(map.len(), 1);
        drop(map);
        // The permit is stored: the connection's next wait ends at once.
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        runtime.block_on(async {
            tokio::time::timeout(Duration::from_secs(60), first.close.notified())
                .await
                .unwrap();
        });
    }

    #[test]
    fn the_idle_time_can_only_be_shortened() {
        let limits = Limits::with_idle_setting(None);
        assert_eq!(limits.connections, 64);
        assert_eq!(limits.headers, Duration::from_secs(5));
        assert_eq!(limits.idle, Duration::from_secs(30));
        let short = Limits::with_idle_setting(Some("0.5"));
        assert_eq!(short.idle, Duration::from_millis(500));
        assert_eq!(short.headers, Duration::from_millis(500));
        for ignored in ["3600", "-1", "0", "NaN", "inf", "x"] {
            assert!(
                Limits::with_idle_setting(Some(ignored)).idle <= IDLE_TIMEOUT,
                "{ignored}"
            );
        }
        assert_eq!(Limits::with_idle_setting(Some("x")), limits);
    }
}
