//! The papers as a checklist: the citizen ticks what they already have, the ticks stay on this
//! device (localStorage, per procedure and case, never sent anywhere), and a summary says what is
//! still missing, with a button that clears the ticks.

use leptos::prelude::*;

use super::text::PageText;
use crate::catalog::Paper;
use crate::checklist::Checklist;
use crate::ui::ticks;

/// The ticks of a procedure's case, kept in sync with the browser's storage.
#[derive(Clone, Copy)]
pub(super) struct Ticks {
    list: RwSignal<Checklist>,
    key: StoredValue<String>,
}

impl Ticks {
    /// What this device remembers for `code` and `case`; nothing when storage is off.
    pub fn load(code: &str, case: usize) -> Ticks {
        Ticks { list: RwSignal::new(ticks::remembered(code, case)), key: StoredValue::new(Checklist::key(code, case)) }
    }

    pub fn has(&self, paper: &Paper) -> bool {
        self.list.with(|l| l.has(paper))
    }

    pub fn set(&self, paper: &Paper, have: bool) {
        self.list.update(|l| l.set(paper, have));
        self.save();
    }

    fn clear(&self) {
        self.list.set(Checklist::default());
        self.save();
    }

    fn save(&self) {
        let Some(storage) = ticks::storage() else { return };
        let key = self.key.get_value();
        // A full or disabled store only means the ticks are not remembered.
        let _ = self.list.with(|l| match l.is_empty() {
            true => storage.remove_item(&key),
            false => storage.set_item(&key, &l.stored()),
        });
    }
}

/// The checkbox of one paper: its label is the paper's name.
pub(super) fn tick(ticks: Ticks, paper: &Paper, name: String) -> impl IntoView {
    let (checked, toggled) = (paper.clone(), paper.clone());
    view! {
        <label class="tick">
            <input
                type="checkbox"
                prop:checked=move || ticks.has(&checked)
                on:change=move |ev| ticks.set(&toggled, event_target_checked(&ev))
            />
            <span class="paper-name">{name}</span>
        </label>
    }
}

/// What is still missing, said as the ticks change; the button that clears them.
pub(super) fn summary(t: &'static PageText, ticks: Ticks, papers: Vec<Paper>) -> impl IntoView {
    let missing = move || {
        ticks.list.with(|l| {
            l.missing(&papers).iter().map(|p| crate::present::split_marker(&p.name).1.to_string()).collect::<Vec<_>>()
        })
    };
    let said = move || {
        let missing = missing();
        match missing.len() {
            0 => view! { <p class="complete">{t.checklist_complete}</p> }.into_any(),
            n => view! {
                <p>{(t.checklist_missing)(n)}</p>
                <ul class="missing">{missing.into_iter().map(|m| view! { <li>{m}</li> }).collect::<Vec<_>>()}</ul>
            }
            .into_any(),
        }
    };
    view! {
        <div class="checklist-summary" aria-live="polite">
            {said}
        </div>
        <button type="button" class="clear-ticks" on:click=move |_| ticks.clear() disabled=move || ticks.list.with(Checklist::is_empty)>
            {t.checklist_clear}
        </button>
    }
}
