//! The checklist ticks this device keeps (localStorage, per procedure and case, never sent
//! anywhere): read for a procedure's page, forgotten for the next citizen at a desk.

use crate::checklist::Checklist;

pub(crate) fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What this device remembers for `code` and `case`; nothing when storage is off.
pub(crate) fn remembered(code: &str, case: usize) -> Checklist {
    let stored = storage().and_then(|s| s.get_item(&Checklist::key(code, case)).ok().flatten());
    Checklist::parse(&stored.unwrap_or_default())
}

/// The keys of every procedure's ticks on this device.
fn remembered_keys(storage: &web_sys::Storage) -> Vec<String> {
    let count = storage.length().unwrap_or(0);
    (0..count).filter_map(|i| storage.key(i).ok().flatten()).filter(|k| Checklist::is_key(k)).collect()
}

/// Whether this device remembers ticks of any procedure.
pub(crate) fn any_remembered() -> bool {
    storage().is_some_and(|s| !remembered_keys(&s).is_empty())
}

/// Forgets the ticks of every procedure on this device (for the next citizen at a desk).
pub(crate) fn forget_all() {
    let Some(storage) = storage() else { return };
    for key in remembered_keys(&storage) {
        let _ = storage.remove_item(&key);
    }
}
