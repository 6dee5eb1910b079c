//! The preview of a site as it is written: the HTTP server of `reunion
//! apercu` ([`server`], its answers in [`answer`]), with live reload
//! ([`reload`]), and the watching of a meeting folder that republishes at
//! each change ([`watch`], comparing [`snapshot`]s) for `apercu` and
//! `render --surveiller`.
//!
//! An output layer above [`crate::render`]: it names no command-line code;
//! the command line starts it and prints what it says.

pub mod answer;
pub mod reload;
pub mod server;
pub mod snapshot;
pub mod watch;
