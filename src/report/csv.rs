//! CSV for spreadsheets. The choices (documented in `docs/format.md`):
//! RFC 4180 (comma, `"` quoting, CRLF line ends), a header row, UTF-8
//! opened by a byte-order mark. Excel reads a CSV without BOM in the legacy
//! Windows code page and garbles every accent; with the BOM both Excel and
//! LibreOffice Calc recognise UTF-8, and CSV readers such as Python's
//! `utf-8-sig` or Rust's `csv` skip it.

/// The UTF-8 byte-order mark that opens every CSV.
pub const BOM: &str = "\u{feff}";

/// Separator of list items (thématiques, publics, alias) inside one CSV cell.
pub const LIST_SEPARATOR: &str = "; ";

/// A cell a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, or a
/// tab or carriage return before one), opened by an apostrophe: a text typed
/// in a record must not run as `=HYPERLINK(…)` in the agency's Excel
/// (OWASP's advice against CSV injection). Numbers and dates never start so.
fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// RFC 4180 CSV: BOM, header row, comma, quotes where needed, CRLF; cells
/// that could run as formulas are made inert ([`inert`]).
pub fn csv(entetes: &[&str], lignes: &[Vec<String>]) -> Vec<u8> {
    let mut out = BOM.as_bytes().to_vec();
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(&mut out);
    // Writing to memory cannot fail; every row has the header's length.
    let written = writer.write_record(entetes).and_then(|()| {
        lignes.iter().try_for_each(|row| {
            writer.write_record(row.iter().map(|cell| inert(cell).into_owned()))
        })
    });
    let flushed = written.and_then(|()| writer.flush().map_err(Into::into));
    debug_assert!(flushed.is_ok(), "{flushed:?}");
    drop(writer);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_is_rfc4180_with_bom() {
        let bytes = csv(
            &["a", "b"],
            &[vec!["x, \"y\"".into(), "ligne 1\nligne 2".into()]],
        );
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "\u{feff}a,b\r\n\"x, \"\"y\"\"\",\"ligne 1\nligne 2\"\r\n"
        );
    }

    #[test]
    fn csv_cells_never_run_as_formulas() {
        let cells = [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "2022-03-03",
            "12",
            "a=b",
        ];
        let bytes = csv(&["c"; 8], &[cells.iter().map(|c| c.to_string()).collect()]);
        let mut reader = ::csv::Reader::from_reader(&bytes[BOM.len()..]);
        let row = reader.records().next().unwrap().unwrap();
        let read: Vec<&str> = row.iter().collect();
        assert_eq!(
            read,
            [
                "'=HYPERLINK(\"http://x\")",
                "'+1",
                "'-2+3",
                "'@SUM(A1)",
                "'\t=1",
                "2022-03-03",
                "12",
                "a=b"
            ]
        );
    }
}
