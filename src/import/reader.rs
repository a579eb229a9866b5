//! Reading a file to import in bounded memory, whatever its size: its first bytes to tell what
//! it is, then one delimited record at a time (at most 1 MiB and 1,000 columns each), or JSON
//! through a guard that refuses any text or number longer than 64 KiB. Every refusal names the
//! line it is on; nothing of the file is held beyond the record being read.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::Path;

use super::ImportError;

/// The longest record (one row, with the line breaks of its quoted notes) hardset reads. A
/// note holds at most 2000 characters and a row a few dozen fields: no export comes near.
pub(crate) const MAX_ROW_BYTES: usize = 1 << 20;

/// The most columns a row may have. The widest export (Strong's) has 14.
pub(crate) const MAX_COLUMNS: usize = 1000;

/// The longest JSON text or number hardset reads: a note of 2000 characters, each written as a
/// twelve-byte escape, is 24 KB.
pub(crate) const MAX_JSON_TOKEN: usize = 64 << 10;

/// How much of a file is read ahead to tell what it is: its first line, which must end within
/// the length a row may have.
const HEAD_BYTES: usize = MAX_ROW_BYTES + 1;

/// What is read from a file: buffered, the first bytes (read ahead) and then the rest.
pub(crate) type Input = Box<dyn BufRead>;

/// A file opened to import: its first bytes (without a byte-order mark), read ahead and checked
/// as UTF-8, and the rest of it.
pub(crate) struct Opened {
    /// The first bytes, at most [`HEAD_BYTES`].
    pub(crate) head: Vec<u8>,
    /// Whether `head` is the whole file.
    pub(crate) whole: bool,
    /// The file's size in bytes.
    pub(crate) size: u64,
    rest: File,
}

const NOT_UTF8: &str = "this is not UTF-8 text: is it the CSV file the app exported?";

/// Opens `path` and reads its first bytes.
pub(crate) fn open(path: &Path) -> Result<Opened, ImportError> {
    let cannot = |e: io::Error| ImportError::whole(format!("cannot read it: {e}"));
    let mut file = File::open(path).map_err(cannot)?;
    let size = file.metadata().map_err(cannot)?.len();
    let mut head = Vec::with_capacity(HEAD_BYTES.min(usize::try_from(size).unwrap_or(HEAD_BYTES)));
    (&mut file).take(HEAD_BYTES as u64).read_to_end(&mut head).map_err(cannot)?;
    let whole = head.len() < HEAD_BYTES;
    if head.starts_with(b"\xef\xbb\xbf") {
        head.drain(..3);
    }
    if let Err(e) = std::str::from_utf8(&head) {
        // A character cut by the end of what was read ahead is read whole later.
        if whole || e.error_len().is_some() {
            return Err(ImportError::at(line_at(&head, e.valid_up_to()), NOT_UTF8));
        }
    }
    Ok(Opened { head, whole, size, rest: file })
}

impl Opened {
    /// The first bytes as text (up to a character the read-ahead cut).
    pub(crate) fn head_text(&self) -> &str {
        match std::str::from_utf8(&self.head) {
            Ok(text) => text,
            Err(e) => std::str::from_utf8(&self.head[..e.valid_up_to()]).unwrap_or_default(),
        }
    }

    /// The whole file, from its first byte (after a byte-order mark), buffered.
    pub(crate) fn into_input(self) -> Input {
        Box::new(BufReader::with_capacity(64 << 10, Cursor::new(self.head).chain(self.rest)))
    }
}

/// The line (from 1) that byte `at` of `bytes` is on.
fn line_at(bytes: &[u8], at: usize) -> u64 {
    bytes[..at.min(bytes.len())].split(|&b| b == b'\n').count() as u64
}

/// The first line that is not blank in `head`, with its number and whether it ends there (a
/// line break follows, or the file ends).
pub(crate) fn first_line(head: &str, whole: bool) -> Option<(u64, &str, bool)> {
    let mut number = 0;
    let mut rest = head;
    loop {
        number += 1;
        let (line, after, ended) = match rest.find('\n') {
            Some(end) => (&rest[..end], Some(&rest[end + 1..]), true),
            None => (rest, None, whole),
        };
        if !line.trim().is_empty() {
            // A file whose lines end with a carriage return alone has its header end there.
            return Some(match line.find('\r') {
                Some(end) => (number, &line[..end], true),
                None => (number, line, ended),
            });
        }
        rest = after?;
    }
}

/// The message for a row longer than hardset reads.
pub(crate) fn too_long() -> String {
    format!(
        "the row is longer than {} MiB, and no export has rows that long: is this the file the app exported?",
        MAX_ROW_BYTES >> 20
    )
}

/// The message for a row with more columns than hardset reads.
pub(crate) fn too_wide() -> String {
    format!(
        "the row has more than {MAX_COLUMNS} columns, and no export has that many: is this the file the app exported?"
    )
}

/// Delimited records read one at a time, each at most [`MAX_ROW_BYTES`] of field text and
/// [`MAX_COLUMNS`] fields, with the line each starts on. Quoting follows the `csv` crate (RFC
/// 4180, doubled quotes, any of CR, LF and CRLF ending a record, blank lines passed over).
pub(crate) struct Records {
    input: Input,
    core: csv_core::Reader,
    /// The record's field text: fields end where `ends` says.
    text: Vec<u8>,
    ends: Vec<usize>,
    fields: usize,
    line: u64,
    read: u64,
    /// Line breaks read so far: a CR, LF or CRLF each one (the csv crate's own count misses the
    /// LF of a CRLF until the next record, and blank lines it passes over).
    breaks: u64,
    /// Whether the last byte read was a CR, so an LF after it ends no line of its own.
    after_cr: bool,
}

/// Adds the line breaks in `bytes` to `breaks`: CR, LF and CRLF each one.
fn count_breaks(bytes: &[u8], breaks: &mut u64, after_cr: &mut bool) {
    for &b in bytes {
        match b {
            b'\n' if *after_cr => {}
            b'\n' | b'\r' => *breaks += 1,
            _ => {}
        }
        *after_cr = b == b'\r';
    }
}

impl Records {
    pub(crate) fn new(input: Input, delimiter: u8) -> Records {
        Records {
            input,
            core: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            text: vec![0; 16 << 10],
            ends: vec![0; MAX_COLUMNS],
            fields: 0,
            line: 1,
            read: 0,
            breaks: 0,
            after_cr: false,
        }
    }

    /// Reads the next record; `false` at the end of the file. A record too long or too wide,
    /// or not UTF-8, is refused at the line it starts on.
    pub(crate) fn next_record(&mut self) -> Result<bool, ImportError> {
        use csv_core::ReadRecordResult::{End, InputEmpty, OutputEndsFull, OutputFull, Record};
        // The line breaks before the record (the end of the one before, blank lines) are passed
        // over here, so its first line is known. Between records they are no field's text.
        loop {
            let input = self.input.fill_buf().map_err(|e| ImportError::whole(format!("cannot read it: {e}")))?;
            let blank = input.iter().take_while(|&&b| b == b'\n' || b == b'\r').count();
            if blank == 0 {
                break;
            }
            count_breaks(&input[..blank], &mut self.breaks, &mut self.after_cr);
            self.input.consume(blank);
            self.read += blank as u64;
        }
        self.line = self.breaks + 1;
        self.fields = 0;
        let (mut written, mut ended) = (0, 0);
        loop {
            let input = self.input.fill_buf().map_err(|e| ImportError::whole(format!("cannot read it: {e}")))?;
            let (result, read, out, ends) =
                self.core.read_record(input, &mut self.text[written..], &mut self.ends[ended..]);
            count_breaks(&input[..read], &mut self.breaks, &mut self.after_cr);
            self.input.consume(read);
            self.read += read as u64;
            written += out;
            ended += ends;
            match result {
                InputEmpty => {}
                OutputFull if self.text.len() < MAX_ROW_BYTES => {
                    self.text.resize((self.text.len() * 2).min(MAX_ROW_BYTES), 0);
                }
                OutputFull => return Err(ImportError::at(self.line, too_long())),
                OutputEndsFull => return Err(ImportError::at(self.line, too_wide())),
                Record => {
                    self.fields = ended;
                    if let Err(e) = std::str::from_utf8(&self.text[..written]) {
                        let line = self.line + line_at(&self.text[..written], e.valid_up_to()) - 1;
                        return Err(ImportError::at(line, NOT_UTF8));
                    }
                    return Ok(true);
                }
                End => return Ok(false),
            }
        }
    }

    /// The line the record starts on.
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// Bytes of the file read so far.
    pub(crate) fn bytes_read(&self) -> u64 {
        self.read
    }

    /// How many fields the record has.
    pub(crate) fn len(&self) -> usize {
        self.fields
    }

    /// Field `i` of the record (checked as UTF-8 when it was read).
    pub(crate) fn field(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        std::str::from_utf8(&self.text[start..self.ends[i]]).unwrap_or_default()
    }

    /// The record's fields.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.fields).map(|i| self.field(i))
    }
}

/// Why the JSON guard stopped reading: the line and what is wrong.
#[derive(Debug)]
pub(crate) struct Refused {
    pub(crate) line: u64,
    pub(crate) message: String,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for Refused {}

/// JSON as it is read, checked on the way: UTF-8 throughout, and no text (between quotes) or
/// bare token (a number, a literal) longer than [`MAX_JSON_TOKEN`], so the parser never holds
/// more than that of one value. A refusal is an I/O error carrying [`Refused`].
pub(crate) struct JsonGuard<R> {
    inner: R,
    line: u64,
    in_text: bool,
    escaped: bool,
    run: usize,
    /// The first bytes of a character the last read cut.
    partial: Vec<u8>,
}

impl<R: Read> JsonGuard<R> {
    pub(crate) fn new(inner: R) -> JsonGuard<R> {
        JsonGuard { inner, line: 1, in_text: false, escaped: false, run: 0, partial: Vec::new() }
    }

    fn refuse(&self, message: impl Into<String>) -> io::Error {
        io::Error::other(Refused { line: self.line, message: message.into() })
    }

    fn too_long(&self) -> io::Error {
        self.refuse(format!(
            "a text or number is longer than {} KiB, more than any field of an export holds: is this the file hardset exported?",
            MAX_JSON_TOKEN >> 10
        ))
    }

    /// Checks that `bytes`, after any character the last read cut, is UTF-8; where it is not.
    fn check_utf8(&mut self, bytes: &[u8]) -> Result<(), usize> {
        let mut at = 0;
        while !self.partial.is_empty() && at < bytes.len() {
            self.partial.push(bytes[at]);
            at += 1;
            match std::str::from_utf8(&self.partial) {
                Ok(_) => self.partial.clear(),
                Err(e) if e.error_len().is_some() => return Err(at - 1),
                Err(_) => {}
            }
        }
        if let Err(e) = std::str::from_utf8(&bytes[at..]) {
            if e.error_len().is_some() {
                return Err(at + e.valid_up_to());
            }
            self.partial.extend_from_slice(&bytes[at + e.valid_up_to()..]);
        }
        Ok(())
    }
}

impl<R: Read> Read for JsonGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && !self.partial.is_empty() {
            return Err(self.refuse(NOT_UTF8));
        }
        if let Err(at) = self.check_utf8(&buf[..n]) {
            self.line += line_at(&buf[..n], at) - 1;
            return Err(self.refuse(NOT_UTF8));
        }
        for &b in &buf[..n] {
            if self.in_text {
                if self.escaped {
                    self.escaped = false;
                } else if b == b'\\' {
                    self.escaped = true;
                } else if b == b'"' {
                    self.in_text = false;
                    self.run = 0;
                    continue;
                }
                self.run += 1;
            } else {
                match b {
                    b'"' => {
                        self.in_text = true;
                        self.run = 0;
                    }
                    b' ' | b'\t' | b'\n' | b'\r' | b'{' | b'}' | b'[' | b']' | b',' | b':' => self.run = 0,
                    _ => self.run += 1,
                }
            }
            if self.run > MAX_JSON_TOKEN {
                return Err(self.too_long());
            }
            if b == b'\n' {
                self.line += 1;
            }
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &str) -> Records {
        Records::new(Box::new(Cursor::new(text.as_bytes().to_vec())), b',')
    }

    fn all(text: &str) -> Result<Vec<(u64, Vec<String>)>, ImportError> {
        let mut r = records(text);
        let mut out = Vec::new();
        while r.next_record()? {
            out.push((r.line(), r.iter().map(str::to_string).collect()));
        }
        Ok(out)
    }

    /// What the csv crate (which read imports before) makes of `text`: each record's line and
    /// fields.
    fn as_the_csv_crate_reads(text: &str) -> Vec<(u64, Vec<String>)> {
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
        let mut out = Vec::new();
        let mut record = csv::StringRecord::new();
        while reader.read_record(&mut record).expect("reads") {
            let line = record.position().map_or(0, csv::Position::line);
            out.push((line, record.iter().map(str::to_string).collect()));
        }
        out
    }

    #[test]
    fn records_are_those_the_csv_crate_reads() {
        for text in [
            "a,b\n\n\"x\ny\",\"say \"\"hi\"\"\"\r\n1,2,3\r4",
            "h1,h2\r\n\r\n\r\nv,\"w\r\nx\"\r\n",
            "only\n",
            "\n\n\"a\"\"b\",c\nd",
            "x,\"unterminated\nquote",
            "h\rv1\r\rv2\r",
            "",
        ] {
            let fields = |records: Vec<(u64, Vec<String>)>| records.into_iter().map(|r| r.1).collect::<Vec<_>>();
            assert_eq!(fields(all(text).expect("reads")), fields(as_the_csv_crate_reads(text)), "{text:?}");
        }
    }

    /// Each record's line as an editor numbers it: after CRLF, CR or LF line ends, blank lines
    /// and quoted line breaks alike (the csv crate's own count is one short after a CRLF and
    /// passes over blank lines uncounted).
    #[test]
    fn each_record_is_on_the_line_an_editor_shows() {
        let lines = |text: &str| all(text).expect("reads").into_iter().map(|r| r.0).collect::<Vec<_>>();
        assert_eq!(lines("h\nv1\n\n\nv2\n"), [1, 2, 5]);
        assert_eq!(lines("h\r\nv1\r\n\r\n\r\nv2\r\n"), [1, 2, 5]);
        assert_eq!(lines("h\rv1\r\rv2\r"), [1, 2, 4]);
        assert_eq!(lines("h\n\"a\nb\"\nv2\n"), [1, 2, 4]);
        assert_eq!(lines("h\r\n\"a\r\nb\"\r\nv2"), [1, 2, 4]);
        assert_eq!(lines("\n\nh\nv"), [3, 4]);
        // Read in pieces, a CRLF cut between them still ends one line.
        let mut r = Records::new(Box::new(BufReader::with_capacity(3, Cursor::new(b"ab\r\ncd\r\nef".to_vec()))), b',');
        let mut got = Vec::new();
        while r.next_record().expect("reads") {
            got.push(r.line());
        }
        assert_eq!(got, [1, 2, 3]);
    }

    #[test]
    fn a_row_too_long_or_too_wide_is_refused_at_its_line() {
        let long = format!("a,b\n1,2\n{}\n", "x".repeat(MAX_ROW_BYTES + 1));
        let error = all(&long).expect_err("too long");
        assert_eq!(error.line, Some(3));
        assert!(error.message.contains("longer than 1 MiB"), "{}", error.message);

        let wide = format!("a,b\n{}\n", ",".repeat(MAX_COLUMNS));
        let error = all(&wide).expect_err("too wide");
        assert_eq!(error.line, Some(2));
        assert!(error.message.contains("more than 1000 columns"), "{}", error.message);

        let widest = format!("a,b\n{}\n", ",".repeat(MAX_COLUMNS - 1));
        assert_eq!(all(&widest).expect("1000 columns are read")[1].1.len(), MAX_COLUMNS);
    }

    #[test]
    fn a_record_that_is_not_utf8_names_its_line() {
        let mut r = Records::new(Box::new(Cursor::new(b"a,b\n\"x\ny\xff\",2\n".to_vec())), b',');
        assert!(r.next_record().expect("header"));
        let error = r.next_record().expect_err("not UTF-8");
        assert_eq!(error.line, Some(3));
    }

    #[test]
    fn the_first_line_is_found_with_its_number() {
        assert_eq!(first_line("\n  \nDate,Exercise\nx", false), Some((3, "Date,Exercise", true)));
        assert_eq!(first_line("Date,Exercise", true), Some((1, "Date,Exercise", true)));
        assert_eq!(first_line("Date,Exercise", false), Some((1, "Date,Exercise", false)));
        assert_eq!(first_line("a,b\rc,d", false), Some((1, "a,b", true)));
        assert_eq!(first_line("\n\n", true), None);
    }

    fn guarded(bytes: &[u8]) -> Result<Vec<u8>, io::Error> {
        let mut out = Vec::new();
        // Small reads, so characters and tokens are cut between them.
        let mut guard = BufReader::with_capacity(7, JsonGuard::new(Cursor::new(bytes.to_vec())));
        guard.read_to_end(&mut out)?;
        Ok(out)
    }

    fn refused_line(error: &io::Error) -> Option<u64> {
        error.get_ref().and_then(|e| e.downcast_ref::<Refused>()).map(|r| r.line)
    }

    #[test]
    fn the_json_guard_passes_json_and_refuses_long_tokens_and_bad_bytes() {
        let good = "{\"a\": \"é \\\"q\\\" 😀\",\n \"b\": [1.5, true]}".as_bytes();
        assert_eq!(guarded(good).expect("passes"), good);

        let long = format!("{{\n\"a\": \"{}\"}}", "x".repeat(MAX_JSON_TOKEN + 1));
        assert_eq!(refused_line(&guarded(long.as_bytes()).expect_err("long text")), Some(2));
        let number = format!("{{\"a\":\n\n{}}}", "9".repeat(MAX_JSON_TOKEN + 1));
        assert_eq!(refused_line(&guarded(number.as_bytes()).expect_err("long number")), Some(3));
        let fits = format!("{{\"a\": \"{}\"}}", "x".repeat(MAX_JSON_TOKEN));
        assert!(guarded(fits.as_bytes()).is_ok());

        assert_eq!(refused_line(&guarded(b"{\n\"a\": \"\xff\"}").expect_err("bad byte")), Some(2));
        assert_eq!(refused_line(&guarded(b"{\"a\": \"\xc3").expect_err("cut at the end")), Some(1));
    }
}
