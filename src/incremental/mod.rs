//! Incremental publication: the records kept between two renders, and the
//! inputs of each page as a digest, so that only what changed is made again.

pub mod cache;
pub mod digest;
pub mod inputs;
