//! Reading JSON into the model, with the path of the field at fault when it does not fit
//! (`procedures[3].levels[0]`), for the messages `motcua check`, the importers and the widget's
//! console give.
//!
//! A small pull reader instead of serde: the widget reads only catalogs and overlays, and serde's
//! generated visitors and serde_json's parser were a fifth of its first download. Each type says
//! how it is read ([`FromJson`], `catalog::read`); writing stays with serde.

use std::borrow::Cow;
use std::collections::BTreeMap;

/// Why a text did not fit: the path of the field (empty for the whole) and the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misfit {
    pub path: String,
    pub message: String,
}

/// A type read from a JSON value.
pub trait FromJson: Sized {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Misfit>;
}

/// Reads `json`: one value of type `T` and nothing after it but white space.
pub fn read<T: FromJson>(json: &str) -> Result<T, Misfit> {
    let mut r = Reader::new(json);
    let value = T::from_json(&mut r)?;
    r.end()?;
    Ok(value)
}

/// The text of a file's bytes, as a browser's `fetch` reads them with `text()`: UTF-8, a leading
/// byte order mark dropped, each malformed sequence replaced with U+FFFD (which the reader then
/// finds where it does not fit). The widget fetches bytes and reads them so, in one copy.
pub fn text(mut bytes: Vec<u8>) -> String {
    if bytes.starts_with("\u{FEFF}".as_bytes()) {
        bytes.drain(..3);
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return text,
        Err(error) => error.into_bytes(),
    };
    // What `String::from_utf8_lossy` does, with the check `from_utf8` makes above instead of the
    // second UTF-8 decoder it would add to the widget's first download (0.2 KB brotli). Only a
    // malformed text comes here.
    let (mut text, mut rest) = (String::with_capacity(bytes.len()), bytes.as_slice());
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => return text + valid,
            Err(error) => {
                let (valid, after) = rest.split_at(error.valid_up_to());
                text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                text.push(char::REPLACEMENT_CHARACTER);
                rest = &after[error.error_len().map_or(after.len(), usize::from)..];
            }
        }
    }
}

/// Nesting deeper than this is refused (as serde_json does), so no text can exhaust the stack.
const MAX_DEPTH: usize = 128;

/// Where the reader is in the text, and in the value (for messages).
pub struct Reader<'a> {
    text: &'a str,
    at: usize,
    path: Vec<Step<'a>>,
}

enum Step<'a> {
    Key(Cow<'a, str>),
    Index(usize),
}

/// What a value is, by its first byte, for "invalid type" messages.
fn kind(byte: Option<u8>) -> &'static str {
    match byte {
        Some(b'"') => "string",
        Some(b'{') => "map",
        Some(b'[') => "sequence",
        Some(b't' | b'f') => "boolean",
        Some(b'n') => "null",
        Some(b'-' | b'0'..=b'9') => "number",
        _ => "value",
    }
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader { text, at: 0, path: Vec::new() }
    }

    /// The path of the value being read, as `a.b[0].c` (`.` at the top).
    fn path(&self) -> String {
        let mut path = String::new();
        for step in &self.path {
            match step {
                Step::Key(key) if path.is_empty() => path.push_str(key),
                Step::Key(key) => {
                    path.push('.');
                    path.push_str(key);
                }
                Step::Index(i) => {
                    path.push('[');
                    path.push_str(&i.to_string());
                    path.push(']');
                }
            }
        }
        if path.is_empty() {
            path.push('.');
        }
        path
    }

    /// A misfit here: the path, and `message` with the line and column.
    pub fn fail(&self, message: impl Into<String>) -> Misfit {
        let mut at = self.at.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let before = &self.text[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Misfit { path: self.path(), message: format!("{} at line {line} column {column}", message.into()) }
    }

    /// "invalid type" for the value ahead, which is not what `expected` says.
    pub fn unexpected(&mut self, expected: &str) -> Misfit {
        self.space();
        let at = self.at;
        let found = match self.peek() {
            None => return self.fail("EOF while parsing a value"),
            Some(b'"') => match self.string() {
                Ok(text) => format!("string \"{}\"", text.chars().take(40).collect::<String>()),
                Err(misfit) => return misfit,
            },
            b if kind(b) == "value" => return self.fail("expected value"),
            b => kind(b).to_string(),
        };
        self.at = at;
        self.fail(format!("invalid type: {found}, expected {expected}"))
    }

    /// Nothing left but white space.
    pub fn end(&mut self) -> Result<(), Misfit> {
        self.space();
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.fail("trailing characters")),
        }
    }

    /// A required field that the object did not have.
    pub fn need<T>(&self, value: Option<T>, field: &str) -> Result<T, Misfit> {
        value.ok_or_else(|| self.fail(format!("missing field `{field}`")))
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    #[inline(always)]
    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    /// Skips white space and, when the next byte is `byte`, that byte too.
    #[inline(always)]
    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    fn depth(&self) -> Result<(), Misfit> {
        match self.path.len() >= MAX_DEPTH {
            true => Err(self.fail("recursion limit exceeded")),
            false => Ok(()),
        }
    }

    /// Reads an object, calling `field` with the reader at each value and its key.
    pub fn object(&mut self, mut field: impl FnMut(&mut Self, &str) -> Result<(), Misfit>) -> Result<(), Misfit> {
        self.object_dyn(&mut field)
    }

    // One copy of the loop for every type read (the widget's code size), not one per caller.
    fn object_dyn(&mut self, field: &mut dyn FnMut(&mut Self, &str) -> Result<(), Misfit>) -> Result<(), Misfit> {
        if !self.eat(b'{') {
            return Err(self.unexpected("a map"));
        }
        self.depth()?;
        if self.eat(b'}') {
            return Ok(());
        }
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return Err(self.fail("key must be a string"));
            }
            let key = self.string()?;
            if !self.eat(b':') {
                return Err(self.fail("expected `:`"));
            }
            self.path.push(Step::Key(key.clone()));
            field(self, &key)?;
            self.path.pop();
            if self.eat(b'}') {
                return Ok(());
            }
            if !self.eat(b',') {
                return Err(self.fail("expected `,` or `}`"));
            }
            if self.eat(b'}') {
                return Err(self.fail("trailing comma"));
            }
        }
    }

    /// Reads an array, calling `item` with the reader at each value and its position.
    pub fn array(&mut self, mut item: impl FnMut(&mut Self, usize) -> Result<(), Misfit>) -> Result<(), Misfit> {
        self.array_dyn(&mut item)
    }

    fn array_dyn(&mut self, item: &mut dyn FnMut(&mut Self, usize) -> Result<(), Misfit>) -> Result<(), Misfit> {
        if !self.eat(b'[') {
            return Err(self.unexpected("a sequence"));
        }
        self.depth()?;
        if self.eat(b']') {
            return Ok(());
        }
        for index in 0.. {
            self.path.push(Step::Index(index));
            item(self, index)?;
            self.path.pop();
            if self.eat(b']') {
                break;
            }
            if !self.eat(b',') {
                return Err(self.fail("expected `,` or `]`"));
            }
            if self.eat(b']') {
                return Err(self.fail("trailing comma"));
            }
        }
        Ok(())
    }

    /// Skips a value of any kind, checking its syntax; returns its text.
    pub fn skip(&mut self) -> Result<&'a str, Misfit> {
        self.space();
        let start = self.at;
        match self.peek() {
            Some(b'{') => self.object(|r, _| r.skip().map(drop))?,
            Some(b'[') => self.array(|r, _| r.skip().map(drop))?,
            Some(b'"') => drop(self.string()?),
            Some(b't') => self.literal("true")?,
            Some(b'f') => self.literal("false")?,
            Some(b'n') => self.literal("null")?,
            _ => drop(self.number()?),
        }
        Ok(&self.text[start..self.at])
    }

    /// `null` ahead: reads it and says so.
    pub fn null(&mut self) -> bool {
        self.space();
        self.text.as_bytes()[self.at..].starts_with(b"null") && {
            self.at += 4;
            true
        }
    }

    fn literal(&mut self, word: &str) -> Result<(), Misfit> {
        if !self.text.as_bytes()[self.at..].starts_with(word.as_bytes()) {
            return Err(self.fail("expected value"));
        }
        self.at += word.len();
        Ok(())
    }

    pub fn bool(&mut self) -> Result<bool, Misfit> {
        self.space();
        match self.peek() {
            Some(b't') => self.literal("true").map(|_| true),
            Some(b'f') => self.literal("false").map(|_| false),
            _ => Err(self.unexpected("a boolean")),
        }
    }

    /// A string, borrowed from the text unless it has escapes.
    pub fn string(&mut self) -> Result<Cow<'a, str>, Misfit> {
        if !self.eat(b'"') {
            return Err(self.unexpected("a string"));
        }
        let bytes = self.text.as_bytes();
        let mut owned: Option<String> = None;
        let mut start = self.at;
        loop {
            self.at = plain_end(bytes, self.at);
            let Some(&byte) = bytes.get(self.at) else {
                return Err(self.fail("EOF while parsing a string"));
            };
            match byte {
                b'"' => {
                    let tail = &self.text[start..self.at];
                    self.at += 1;
                    return Ok(match owned {
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                        None => Cow::Borrowed(tail),
                    });
                }
                b'\\' => {
                    let before = &self.text[start..self.at];
                    self.at += 1;
                    let c = self.escape()?;
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(before);
                    s.push(c);
                    start = self.at;
                }
                _ => return Err(self.fail("control character (\\u0000-\\u001F) found while parsing a string")),
            }
        }
    }

    /// The character of the escape after a backslash.
    fn escape(&mut self) -> Result<char, Misfit> {
        let byte = self.peek();
        self.at += 1;
        Ok(match byte {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let high = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&high) {
                    if !self.text[self.at..].starts_with("\\u") {
                        return Err(self.fail("lone leading surrogate in hex escape"));
                    }
                    self.at += 2;
                    let low = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(self.fail("lone leading surrogate in hex escape"));
                    }
                    0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    high
                };
                char::from_u32(code).ok_or_else(|| self.fail("invalid unicode code point"))?
            }
            _ => return Err(self.fail("invalid escape")),
        })
    }

    fn hex4(&mut self) -> Result<u32, Misfit> {
        let digits = self.text.get(self.at..self.at + 4).filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        let code = digits.and_then(|d| u32::from_str_radix(d, 16).ok()).ok_or_else(|| self.fail("invalid escape"))?;
        self.at += 4;
        Ok(code)
    }

    /// A number's text, by JSON's grammar.
    fn number(&mut self) -> Result<&'a str, Misfit> {
        self.space();
        let start = self.at;
        let digits = |r: &mut Self| {
            let from = r.at;
            while matches!(r.peek(), Some(b'0'..=b'9')) {
                r.at += 1;
            }
            r.at > from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let leading_zero = self.peek() == Some(b'0');
        if !digits(self) {
            self.at = start;
            return Err(self.unexpected("a number"));
        }
        if leading_zero && self.at - start > 1 + usize::from(self.text.as_bytes()[start] == b'-') {
            return Err(self.fail("invalid number"));
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return Err(self.fail("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return Err(self.fail("invalid number"));
            }
        }
        Ok(&self.text[start..self.at])
    }

    /// A finite number.
    pub fn float(&mut self) -> Result<f64, Misfit> {
        let text = self.number()?;
        match decimal(text) {
            n if n.is_finite() => Ok(n),
            _ => Err(self.fail("number out of range")),
        }
    }

    /// A whole number from 0 to `max`.
    pub fn unsigned(&mut self, max: u64, expected: &str) -> Result<u64, Misfit> {
        let text = self.number()?;
        match text.parse::<u64>() {
            Ok(n) if n <= max => Ok(n),
            _ => Err(self.fail(format!("invalid value: {text}, expected {expected}"))),
        }
    }

    /// A string that names one of `names`' values.
    pub fn variant<T: Copy>(&mut self, names: &[(&str, T)]) -> Result<T, Misfit> {
        let name = self.string()?;
        match names.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => Ok(*value),
            None => {
                let known: Vec<String> = names.iter().map(|(n, _)| format!("`{n}`")).collect();
                Err(self.fail(format!("unknown variant `{name}`, expected one of {}", known.join(", "))))
            }
        }
    }
}

/// The value of a number's text, checked by [`Reader::number`]. Not `str::parse`: its exact
/// algorithm brings 10 KB of tables into the widget. This is exact for what catalogs hold (up to
/// 15 significant digits and a power of ten within ±22: amounts, days), and within a few units of
/// the last place otherwise.
fn decimal(text: &str) -> f64 {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (digits, exponent) = match text.find(['e', 'E']) {
        // An exponent too large for an i32 is as good as infinite.
        Some(e) => {
            let power = &text[e + 1..];
            (&text[..e], power.parse::<i32>().unwrap_or(if power.starts_with('-') { i32::MIN } else { i32::MAX }))
        }
        None => (text, 0),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let (mut mantissa, mut scale) = (0u64, exponent.saturating_sub(fraction.len() as i32));
    for digit in whole.bytes().chain(fraction.bytes()).map(|b| u64::from(b - b'0')) {
        match mantissa.checked_mul(10).and_then(|m| m.checked_add(digit)) {
            Some(more) => mantissa = more,
            // Digits beyond what a u64 holds only scale the value.
            None => scale = scale.saturating_add(1),
        }
    }
    let value = match scale {
        0..=22 => mantissa as f64 * 10f64.powi(scale),
        -22..=-1 => mantissa as f64 / 10f64.powi(-scale),
        _ if mantissa == 0 => 0.0,
        _ => mantissa as f64 * 10f64.powi(scale.clamp(-400, 400)),
    };
    if negative {
        -value
    } else {
        value
    }
}

/// The position of the first byte from `at` that ends plain string text (`"`, `\\` or a control
/// character), or the length: eight bytes at a time, as strings are most of a catalog.
fn plain_end(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut eight = [0; 8];
        eight.copy_from_slice(chunk);
        let x = u64::from_ne_bytes(eight);
        if has_zero(x ^ (ONES * u64::from(b'"')))
            | has_zero(x ^ (ONES * u64::from(b'\\')))
            | (x.wrapping_sub(ONES * 0x20) & !x & HIGH)
            != 0
        {
            break;
        }
        at += 8;
    }
    while at < bytes.len() && !matches!(bytes[at], b'"' | b'\\' | 0..=0x1f) {
        at += 1;
    }
    at
}

impl FromJson for String {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Misfit> {
        r.string().map(Cow::into_owned)
    }
}

impl FromJson for bool {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Misfit> {
        r.bool()
    }
}

impl FromJson for u16 {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Misfit> {
        r.unsigned(u16::MAX.into(), "u16").map(|n| n as u16)
    }
}

impl FromJson for u32 {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Misfit> {
        r.unsigned(u32::MAX.into(), "u32").map(|n| n as u32)
    }
}

impl FromJson for f64 {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Misfit> {
        r.float()
    }
}

impl FromJson for f32 {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Misfit> {
        r.float().map(|n| n as f32)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Misfit> {
        match r.null() {
            true => Ok(None),
            false => T::from_json(r).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Misfit> {
        let mut items = Vec::new();
        r.array(|r, _| {
            items.push(T::from_json(r)?);
            Ok(())
        })?;
        Ok(items)
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Misfit> {
        let mut map = BTreeMap::new();
        r.object(|r, key| {
            map.insert(key.to_string(), T::from_json(r)?);
            Ok(())
        })?;
        Ok(map)
    }
}

impl<'a> Reader<'a> {
    /// Reads a value of type `T` here.
    pub fn value<T: FromJson>(&mut self) -> Result<T, Misfit> {
        T::from_json(self)
    }

    /// Reads the value ahead as a `T` of its own, as [`read`] reads a text: a misfit's path starts
    /// inside it (its line and column are still the text's). Returns the value's text too. A value
    /// that does not fit is skipped, its syntax checked, and reading goes on after it; only text
    /// that is not JSON fails the reader.
    pub fn own<T: FromJson>(&mut self) -> Result<(Result<T, Misfit>, &'a str), Misfit> {
        self.space();
        let start = self.at;
        let outer = std::mem::take(&mut self.path);
        let read = T::from_json(self);
        self.path = outer;
        if read.is_err() {
            self.at = start;
            self.skip()?;
        }
        Ok((read, &self.text[start..self.at]))
    }
}

/// Implements [`FromJson`] for a struct read from an object: it starts as `$start`, each listed
/// key is read into the field of that name, `required` ones must be there, other keys are skipped.
macro_rules! read_struct {
    // The fields of a struct read into `$start`; the value, or the first misfit.
    (@read $r:ident, $start:expr, [$($req:ident),*], [$($opt:ident),*]) => {{
        let mut value = $start;
        $(let mut $req = None;)*
        $r.object(|r, key| {
            match key {
                $(stringify!($req) => $req = Some(r.value()?),)*
                $(stringify!($opt) => value.$opt = r.value()?,)*
                _ => drop(r.skip()?),
            }
            Ok(())
        })?;
        $(value.$req = $r.need($req, stringify!($req))?;)*
        Ok(value)
    }};
    // A reading of `$ty` that takes only some of its fields, as the newtype `$wrap`.
    ($wrap:ident($ty:ty), $start:expr, required [$($req:ident),*], optional [$($opt:ident),*]) => {
        impl $crate::json::FromJson for $wrap {
            fn from_json(r: &mut $crate::json::Reader<'_>) -> Result<Self, $crate::json::Misfit> {
                let value: Result<$ty, $crate::json::Misfit> =
                    $crate::json::read_struct!(@read r, $start, [$($req),*], [$($opt),*]);
                value.map($wrap)
            }
        }
    };
    ($ty:ty, $start:expr, required [$($req:ident),*], optional [$($opt:ident),*]) => {
        impl $crate::json::FromJson for $ty {
            fn from_json(r: &mut $crate::json::Reader<'_>) -> Result<Self, $crate::json::Misfit> {
                $crate::json::read_struct!(@read r, $start, [$($req),*], [$($opt),*])
            }
        }
    };
}
pub(crate) use read_struct;

/// Implements [`FromJson`] for an enum written as one of its names.
macro_rules! read_enum {
    ($ty:ty, [$($name:literal => $variant:expr),* $(,)?]) => {
        impl $crate::json::FromJson for $ty {
            fn from_json(r: &mut $crate::json::Reader<'_>) -> Result<Self, $crate::json::Misfit> {
                r.variant(&[$(($name, $variant)),*])
            }
        }
    };
}
pub(crate) use read_enum;

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Inner(#[allow(dead_code)] u8);
    impl FromJson for Inner {
        fn from_json(r: &mut Reader<'_>) -> Result<Self, Misfit> {
            let mut n = None;
            r.object(|r, key| {
                match key {
                    "n" => n = Some(r.unsigned(255, "u8")? as u8),
                    _ => drop(r.skip()?),
                }
                Ok(())
            })?;
            Ok(Inner(r.need(n, "n")?))
        }
    }

    #[test]
    fn bytes_read_as_a_browser_reads_a_fetched_text() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/catalogs/commune-demo.json");
        let catalog = std::fs::read(path).unwrap();
        let plain = String::from_utf8(catalog.clone()).unwrap();
        assert_eq!(text(catalog.clone()), plain);
        // A byte order mark (as some editors save) is dropped, and the text then reads.
        let marked = [b"\xEF\xBB\xBF".as_slice(), br#"[{"n": 1}]"#].concat();
        assert_eq!(text(marked.clone()), r#"[{"n": 1}]"#);
        assert_eq!(read::<Vec<Inner>>(&text(marked)).map(|v| v.len()), Ok(1));
        // Only at the start; a malformed sequence is replaced, not refused.
        assert_eq!(text("a\u{FEFF}".into()), "a\u{FEFF}");
        assert_eq!(text(b"[\"\xFFa\xC3\"]".to_vec()), "[\"\u{FFFD}a\u{FFFD}\"]");
    }

    #[test]
    fn a_misfit_names_its_field_and_place() {
        let misfit = read::<Vec<Inner>>("[{\"n\": 1},\n {\"n\": \"two\"}]").unwrap_err();
        assert_eq!(misfit.path, "[1].n");
        assert_eq!(misfit.message, "invalid type: string \"two\", expected a number at line 2 column 8");
        let misfit = read::<Vec<Inner>>(r#"[{"n": 1, "x": [1, {"y": null}]}, {"m": 2}]"#).unwrap_err();
        assert_eq!((misfit.path.as_str(), misfit.message.as_str()), ("[1]", "missing field `n` at line 1 column 43"));
        assert_eq!(
            read::<Vec<Inner>>(r#"[{"n": 300}]"#).unwrap_err().message,
            "invalid value: 300, expected u8 at line 1 column 11"
        );
    }

    #[test]
    fn strings_are_unescaped() {
        let s: String = read(r#""a\"\\\/\n\u00e9\ud83d\ude00 đ""#).unwrap();
        assert_eq!(s, "a\"\\/\né😀 đ");
        for bad in [r#""\ud83d""#, r#""\x""#, "\"a\u{1}\"", r#""abc"#, r#""\u12""#] {
            assert!(read::<String>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn plain_text_ends_at_a_quote_a_backslash_or_a_control_character() {
        for end in [0, 3, 7, 8, 9, 15, 16, 30] {
            for stop in [b'"', b'\\', b'\n', 0, 0x1f] {
                let mut text = "ă".repeat(20).into_bytes();
                text[end] = stop;
                assert_eq!(plain_end(&text, 0), end, "{stop} at {end}");
                assert_eq!(plain_end(&text, end), end);
            }
        }
        assert_eq!(plain_end(b"abc ~\x7f", 0), 6);
    }

    #[test]
    fn numbers_read_as_the_standard_library_reads_them() {
        for text in [
            "0",
            "-0",
            "8000",
            "0.5",
            "1.5e3",
            "2E-2",
            "12345678901234567890123",
            "1e22",
            "3.25e-7",
            "-7.1",
            "1e-99999999999",
        ] {
            assert_eq!(read::<f64>(text).unwrap(), text.parse::<f64>().unwrap(), "{text}");
        }
    }

    #[test]
    fn numbers_follow_json_grammar() {
        assert_eq!(read::<f64>("-12.5e2").unwrap(), -1250.0);
        assert_eq!(read::<u32>(" 42 ").unwrap(), 42);
        for bad in ["01", "1.", ".5", "-", "- 1", "1e", "+1", "1e999", "NaN", "-0.5x"] {
            assert!(read::<f64>(bad).is_err(), "{bad}");
        }
        for bad in ["1.5", "-1", "4294967296"] {
            assert!(read::<u32>(bad).is_err(), "{bad}");
        }
        assert!(read::<f64>("1e999").unwrap_err().message.starts_with("number out of range"));
    }

    /// Any value, only checked.
    #[derive(Debug)]
    struct Any;
    impl FromJson for Any {
        fn from_json(r: &mut Reader<'_>) -> Result<Self, Misfit> {
            r.skip().map(|_| Any)
        }
    }

    #[test]
    fn syntax_errors_are_refused_with_their_place() {
        for (bad, message) in [
            ("<html>", "expected value at line 1 column 1"),
            ("[1, 2,]", "trailing comma at line 1 column 8"),
            ("[{\"a\" 1}]", "expected `:` at line 1 column 7"),
            ("{\"a\": 1 \"b\": 2}", "expected `,` or `}` at line 1 column 9"),
            ("[1] x", "trailing characters at line 1 column 5"),
            ("[1", "expected `,` or `]` at line 1 column 3"),
            ("", "EOF while parsing a value at line 1 column 1"),
            ("tru", "expected value at line 1 column 1"),
        ] {
            assert_eq!(read::<Any>(bad).unwrap_err().message, message, "{bad}");
        }
        let deep = "[".repeat(10_000);
        assert!(read::<Any>(&deep).unwrap_err().message.starts_with("recursion limit exceeded"));
    }

    #[test]
    fn skip_returns_the_value_text() {
        let mut r = Reader::new(r#"  {"a": [1, "x", true, null, {"b": -0.5e3}]} ,"#);
        assert_eq!(r.skip().unwrap(), r#"{"a": [1, "x", true, null, {"b": -0.5e3}]}"#);
    }
}
