//! Making the first screen's elements with web-sys: a few calls, no framework. Events are not
//! attached here: the widget listens once, on its root ([`super::widget`]), and elements say what
//! a click does with `data-action`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, EventTarget};

thread_local! {
    static DOCUMENT: Document = web_sys::window().and_then(|w| w.document()).expect("the widget runs in a page");
}

/// An element being made.
pub(crate) struct El(pub(crate) Element);

/// A new `<tag>`.
pub(crate) fn el(tag: &str) -> El {
    El(DOCUMENT.with(|d| d.create_element(tag)).expect("a valid tag name"))
}

impl El {
    pub fn attr(self, name: &str, value: &str) -> El {
        let _ = self.0.set_attribute(name, value);
        self
    }

    pub fn class(self, class: &str) -> El {
        self.attr("class", class)
    }

    /// `data-action`: what a click on it does.
    pub fn action(self, action: &str) -> El {
        self.attr("data-action", action)
    }

    /// Appends `text`.
    pub fn text(self, text: &str) -> El {
        let _ = self.0.append_with_str_1(text);
        self
    }

    pub fn child(self, child: El) -> El {
        let _ = self.0.append_child(&child.0);
        self
    }

    pub fn maybe(self, child: Option<El>) -> El {
        match child {
            Some(child) => self.child(child),
            None => self,
        }
    }

    pub fn children(self, children: impl IntoIterator<Item = El>) -> El {
        for child in children {
            let _ = self.0.append_child(&child.0);
        }
        self
    }

    /// A `<button type="button">` saying `label`, doing `action`.
    pub fn button(class: &str, action: &str, label: &str) -> El {
        el("button").attr("type", "button").class(class).action(action).text(label)
    }
}

/// Sets the attribute `name`, or removes it for `None`; only when it changes.
pub(crate) fn set_attr(element: &Element, name: &str, value: Option<&str>) {
    if element.get_attribute(name).as_deref() == value {
        return;
    }
    let _ = match value {
        Some(value) => element.set_attribute(name, value),
        None => element.remove_attribute(name),
    };
}

pub(crate) fn set_hidden(element: &Element, hidden: bool) {
    set_attr(element, "hidden", hidden.then_some(""));
}

/// Sets the text of `element`, when it changes.
pub(crate) fn set_text(element: &Element, text: &str) {
    if element.text_content().as_deref() != Some(text) {
        element.set_text_content(Some(text));
    }
}

/// Replaces what `parent` holds by `children`.
pub(crate) fn replace(parent: &Element, children: impl IntoIterator<Item = El>) {
    parent.set_text_content(None);
    for child in children {
        let _ = parent.append_child(&child.0);
    }
}

/// A listener, removed when dropped.
pub(crate) struct Listener {
    target: EventTarget,
    name: &'static str,
    capture: bool,
    closure: Closure<dyn FnMut(Event)>,
}

impl Listener {
    /// Calls `handle` for each `name` event on `target` (in the capture phase when `capture`,
    /// which also catches events that do not bubble).
    pub fn new(
        target: &EventTarget,
        name: &'static str,
        capture: bool,
        handle: impl FnMut(Event) + 'static,
    ) -> Listener {
        let closure = Closure::<dyn FnMut(Event)>::new(handle);
        let _ = target.add_event_listener_with_callback_and_bool(name, closure.as_ref().unchecked_ref(), capture);
        Listener { target: target.clone(), name, capture, closure }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            self.name,
            self.closure.as_ref().unchecked_ref(),
            self.capture,
        );
    }
}
