//! Prints, for each argument, its QR code as JSON: `{"text", "svg", "rows"}` with rows as
//! strings of `1` (dark) and `0`, or `{"text", "error"}`. Used by tests/qr/decode.test.mjs:
//!   cargo run --quiet --example qr_matrix -- TEXT...

use motcua::qr;
use serde_json::{json, Value};

fn main() {
    let codes: Vec<Value> = std::env::args().skip(1).map(|text| code(&text)).collect();
    println!("{}", Value::Array(codes));
}

fn code(text: &str) -> Value {
    match (qr::svg(text), qr::matrix(text)) {
        (Ok(svg), Ok(matrix)) => json!({ "text": text, "svg": svg, "rows": rows(&matrix) }),
        (Err(err), _) | (_, Err(err)) => json!({ "text": text, "error": err.to_string() }),
    }
}

fn rows(matrix: &[Vec<bool>]) -> Vec<String> {
    matrix.iter().map(|row| row.iter().map(|&dark| if dark { '1' } else { '0' }).collect()).collect()
}
