//! Messages for whoever maintains the page, in the browser's console.

pub(crate) fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

pub(crate) fn error(message: &str) {
    web_sys::console::error_1(&message.into());
}
