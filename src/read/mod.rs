//! Reading: YAML text to a positioned tree, the tree to typed values with a
//! diagnostic for every problem, `reunion.yaml` and one meeting record.

pub mod config;
pub mod reader;
pub mod record;
pub mod syntax;
pub mod yaml;
