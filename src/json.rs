//! Reading JSON into the model, with the path of the field at fault when it does not fit
//! (`procedures[3].levels[0]`), for the messages `motcua check` and the importers give.
//!
//! The widget does without the path: tracking it is a second deserializer for every type, 12 KB
//! of brotli wasm, for a message its users read in the console at most. There the error says the
//! line and column instead.

use serde::Deserialize;

/// Why a text did not fit: the path of the field (empty when unknown, or the whole) and the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misfit {
    pub path: String,
    pub message: String,
}

/// Deserializes `json`.
pub fn read<'de, T: Deserialize<'de>>(json: &'de str) -> Result<T, Misfit> {
    let de = &mut serde_json::Deserializer::from_str(json);
    #[cfg(not(target_arch = "wasm32"))]
    let read = serde_path_to_error::deserialize(de)
        .map_err(|e| Misfit { path: e.path().to_string(), message: e.inner().to_string() });
    #[cfg(target_arch = "wasm32")]
    let read = T::deserialize(de).map_err(|e| Misfit { path: String::new(), message: e.to_string() });
    read
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        inner: Vec<Inner>,
    }
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        n: u8,
    }

    #[test]
    fn a_misfit_names_its_field() {
        let misfit = read::<Outer>(r#"{"inner": [{"n": 1}, {"n": "two"}]}"#).unwrap_err();
        assert_eq!(misfit.path, "inner[1].n");
        assert!(misfit.message.starts_with("invalid type: string \"two\", expected u8"), "{}", misfit.message);
    }
}
