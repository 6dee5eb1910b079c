//! The one way `reunion` makes a digest (BLAKE3): of the running program,
//! of a file's bytes, and of a list of parts, each part prefixed with its
//! length so that no two lists give the same bytes. The record cache, the
//! inputs of each page, the templates and the manifest of the published
//! files all use it.

use std::sync::OnceLock;

/// A digest being built from length-prefixed parts.
pub struct Digest(blake3::Hasher);

impl Digest {
    /// A digest of nothing yet.
    pub fn empty() -> Self {
        Digest(blake3::Hasher::new())
    }

    /// Adds one part.
    pub fn part(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    /// Adds a text that may be absent, absent and empty told apart.
    pub fn text(&mut self, text: Option<&str>) -> &mut Self {
        match text {
            None => self.part(b"\xff"),
            Some(t) => self.part(b"=").part(t.as_bytes()),
        }
    }

    /// The digest, in hexadecimal (as the manifest keeps it).
    pub fn hex(&self) -> String {
        self.0.finalize().to_hex().to_string()
    }

    /// The digest, as bytes.
    pub fn bytes(&self) -> [u8; 32] {
        *self.0.finalize().as_bytes()
    }
}

/// The digest of some bytes (a file's content).
pub fn of(bytes: &[u8]) -> [u8; 32] {
    *blake3::hash(bytes).as_bytes()
}

/// The digest of some bytes, in hexadecimal.
pub fn hex_of(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// Digest of the running program: a new build may read records or render
/// pages otherwise. `None` when it cannot be read; then nothing is kept from
/// one run to the next.
pub fn program() -> Option<[u8; 32]> {
    static PROGRAM: OnceLock<Option<[u8; 32]>> = OnceLock::new();
    *PROGRAM.get_or_init(|| {
        let path = std::env::current_exe().ok()?;
        let bytes = std::fs::read(path).ok()?;
        Some(of(&bytes))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_told_apart() {
        let ab_c = Digest::empty().part(b"ab").part(b"c").bytes();
        let a_bc = Digest::empty().part(b"a").part(b"bc").bytes();
        assert_ne!(ab_c, a_bc);
        let none = Digest::empty().text(None).bytes();
        let empty = Digest::empty().text(Some("")).bytes();
        assert_ne!(none, empty);
        assert_eq!(hex_of(b"x").len(), 64);
    }
}
