//! Live reload, as mdBook's and Zola's `serve` do it: the site has a
//! version that changes at each publication, `GET /__reunion/version`
//! answers it, and a small script polls it and reloads the page when it
//! changes. The script's tag is added only to the HTML the preview server
//! sends, never to the published files.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Where the server answers the version.
pub const VERSION_PATH: &str = "/__reunion/version";

/// Where the server answers the script.
pub const SCRIPT_PATH: &str = "/__reunion/recharger.js";

/// The script: reads the version once, then every second; a different
/// version reloads the page. A server that went away (the preview stopped)
/// is asked again later, without reloading.
pub const SCRIPT: &str = r#"// Aperçu de reunion : recharge la page quand le site est republié.
(function () {
  "use strict";
  var connue = null;
  function demander() {
    fetch("/__reunion/version", { cache: "no-store" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (v) {
        if (v !== null) {
          if (connue !== null && v !== connue) { window.location.reload(); return; }
          connue = v;
        }
        setTimeout(demander, 1000);
      })
      .catch(function () { setTimeout(demander, 2000); });
  }
  demander();
})();
"#;

/// The tag that loads [`SCRIPT`].
pub const TAG: &str = "<script src=\"/__reunion/recharger.js\" defer></script>";

/// The version of the published site, shared by the watch loop (which
/// moves it on) and the server (which answers it).
#[derive(Debug, Clone)]
pub struct SiteVersion(Arc<AtomicU64>);

impl SiteVersion {
    /// A version that no earlier run of the preview gave, so that a page
    /// left open across a restart reloads too: the time in milliseconds.
    pub fn new() -> SiteVersion {
        let start = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| u64::try_from(d.as_millis()).unwrap_or(1));
        SiteVersion(Arc::new(AtomicU64::new(start)))
    }

    /// The version now.
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Acquire)
    }

    /// The site was published again.
    pub fn republished(&self) {
        self.0.fetch_add(1, Ordering::AcqRel);
    }
}

impl Default for SiteVersion {
    fn default() -> Self {
        SiteVersion::new()
    }
}

/// `html` with [`TAG`] before its last `</body>` (any case), or at its end
/// when it has none.
pub fn inject(html: &[u8]) -> Vec<u8> {
    let needle = b"</body>";
    let at = html
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + TAG.len() + 1);
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(TAG.as_bytes());
    out.push(b'\n');
    out.extend_from_slice(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tag_goes_before_the_last_body_end() {
        let page = b"<html><body><p>a</p></BODY></html>\n";
        let out = String::from_utf8(inject(page)).unwrap();
        assert_eq!(out, format!("<html><body><p>a</p>{TAG}\n</BODY></html>\n"));
        let bare = String::from_utf8(inject(b"<p>x</p>")).unwrap();
        assert_eq!(bare, format!("<p>x</p>{TAG}\n"));
    }

    #[test]
    fn the_version_moves_at_each_publication() {
        let v = SiteVersion::new();
        let shared = v.clone();
        let before = v.get();
        shared.republished();
        assert_eq!(v.get(), before + 1);
    }
}
