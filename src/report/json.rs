//! JSON as every command prints it: pretty, two-space indent, keys in the
//! order of the struct's fields (the documented order), a final newline.

use serde::Serialize;

/// The value as pretty JSON followed by a newline.
pub fn pretty<T: Serialize>(value: &T) -> String {
    // The values printed are plain structs of strings and numbers, whose
    // serialisation to a string cannot fail.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}
