//! How the catalog's types are read from JSON (`crate::json`), field by field as
//! `docs/catalog-format.md` names them. Written by serde; read here, without it.

use super::{
    Case, Channel, ChannelInfo, Commune, Desk, Document, Fee, FeeKind, Journey, LegalDoc, Level, LifeEvent, Lifecycle,
    OnlineLevel, Paper, PaperGroup, PaperKind, Procedure, ProcessingTime, RecordSource, Source, Status, Step, TimeUnit,
};
use crate::json::{read_enum, read_struct, FromJson, Misfit, Reader};

read_struct!(Source, Source::default(), required [name], optional [retrieved, url]);
read_struct!(Commune, Commune::default(), required [name], optional [province, province_code, ward_code, desk]);
read_struct!(Desk, Desk::default(), required [name], optional [address, hours, phone]);
read_struct!(Document, Document::default(), required [id, number],
    optional [title, issuer, issued, effective_from, effective_to, url]);
read_struct!(LifeEvent, LifeEvent::default(), required [id, name, procedures], optional [portal_group]);
read_struct!(Journey, Journey::default(), required [name, procedures], optional [interlinked, note]);
read_struct!(Procedure, Procedure::default(), required [code, name],
    optional [portal_id, friendly_name, keywords, field, levels, issuer, agencies, subjects, online, channels,
        paper_groups, cases, steps, conditions, results, legal_basis, lifecycle, lienthong, staff_note, source,
        summary]);

/// A split catalog's index row: a procedure read for the fields [`Procedure::summary`] keeps, the
/// rest skipped. The widget's first download reads only these; the reader of a whole record (cases,
/// channels, fees, steps) comes with the code that shows one.
pub struct Row(pub Procedure);

read_struct!(Row(Procedure), Procedure::default(), required [code, name],
    optional [friendly_name, keywords, field, levels, issuer, agencies, subjects, online, paper_groups, results,
        lifecycle, lienthong, source, summary]);

impl From<Row> for Procedure {
    fn from(row: Row) -> Procedure {
        row.0
    }
}

read_struct!(Case, Case::default(), required [name], optional [code, portal_id, time, fees, paper_groups, note]);
read_struct!(Lifecycle, Lifecycle::default(), required [], optional [status, effective_from, effective_to, replaced_by, note]);
read_struct!(ChannelInfo, ChannelInfo { channel: Channel::InPerson, time: None, fees: Vec::new(), note: None },
    required [channel], optional [time, fees, note]);
read_struct!(ProcessingTime, ProcessingTime { value: None, unit: TimeUnit::Text, text: String::new(), cutoff: None },
    required [unit, text], optional [value, cutoff]);
read_struct!(PaperGroup, PaperGroup::default(), required[papers], optional[heading]);
read_struct!(Paper, Paper::default(), required [name], optional [kind, original, copy, forms]);
read_struct!(Step, Step::default(), required[text], optional[title]);
read_struct!(LegalDoc, LegalDoc::default(), required[name], optional[code]);

impl FromJson for Fee {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Misfit> {
        let (mut fee, mut kind) = (Fee::new(FeeKind::Unknown, None), None);
        r.object(|r, key| fee_field(r, key, &mut fee, &mut kind))?;
        fee.kind = r.need(kind, "kind")?;
        Ok(fee)
    }
}

/// Reads the value of a fee's field `key` (skips it when a fee has no such field); its `kind`,
/// which a fee must have, apart. An overlay's fee rules have a fee's fields among their own.
pub(crate) fn fee_field(
    r: &mut Reader<'_>,
    key: &str,
    fee: &mut Fee,
    kind: &mut Option<FeeKind>,
) -> Result<(), Misfit> {
    match key {
        "kind" => *kind = Some(r.value()?),
        "amount" => fee.amount = r.value()?,
        "currency" => fee.currency = r.value()?,
        "per" => fee.per = r.value()?,
        "text" => fee.text = r.value()?,
        "channels" => fee.channels = r.value()?,
        "set_by_province" => fee.set_by_province = r.value()?,
        "exemptions" => fee.exemptions = r.value()?,
        "source" => fee.source = r.value()?,
        _ => drop(r.skip()?),
    }
    Ok(())
}

read_enum!(Status, ["active" => Status::Active, "repealed" => Status::Repealed]);
read_enum!(Level, [
    "commune" => Level::Commune, "province" => Level::Province, "ministry" => Level::Ministry, "other" => Level::Other,
]);
read_enum!(OnlineLevel, [
    "full" => OnlineLevel::Full, "partial" => OnlineLevel::Partial, "none" => OnlineLevel::None,
    "unknown" => OnlineLevel::Unknown,
]);
read_enum!(Channel, ["in_person" => Channel::InPerson, "online" => Channel::Online, "post" => Channel::Post]);
read_enum!(TimeUnit, [
    "within_day" => TimeUnit::WithinDay, "working_days" => TimeUnit::WorkingDays,
    "calendar_days" => TimeUnit::CalendarDays, "months" => TimeUnit::Months,
    "unspecified_days" => TimeUnit::UnspecifiedDays, "text" => TimeUnit::Text,
]);
read_enum!(FeeKind, ["charge" => FeeKind::Charge, "fee" => FeeKind::Fee, "unknown" => FeeKind::Unknown]);
read_enum!(PaperKind, ["submit" => PaperKind::Submit, "show" => PaperKind::Show, "note" => PaperKind::Note]);
read_enum!(RecordSource, [
    "manual" => RecordSource::Manual, "portal_detail" => RecordSource::PortalDetail,
    "portal_api" => RecordSource::PortalApi, "portal_fallback" => RecordSource::PortalFallback,
    "portal_index" => RecordSource::PortalIndex,
]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::read;

    /// Every name serde writes for a variant is read back as that variant.
    fn round_trip<T: FromJson + serde::Serialize + PartialEq + std::fmt::Debug>(variants: &[T]) {
        for v in variants {
            let json = serde_json::to_string(v).unwrap();
            assert_eq!(&read::<T>(&json).unwrap(), v, "{json}");
        }
    }

    #[test]
    fn every_variant_reads_as_it_is_written() {
        round_trip(&[Status::Active, Status::Repealed]);
        round_trip(&[Level::Commune, Level::Province, Level::Ministry, Level::Other]);
        round_trip(&[OnlineLevel::Full, OnlineLevel::Partial, OnlineLevel::None, OnlineLevel::Unknown]);
        round_trip(&[Channel::InPerson, Channel::Online, Channel::Post]);
        use TimeUnit::*;
        round_trip(&[WithinDay, WorkingDays, CalendarDays, Months, UnspecifiedDays, Text]);
        round_trip(&[FeeKind::Charge, FeeKind::Fee, FeeKind::Unknown]);
        round_trip(&[PaperKind::Submit, PaperKind::Show, PaperKind::Note]);
        use RecordSource::*;
        round_trip(&[Manual, PortalDetail, PortalApi, PortalFallback, PortalIndex]);
        let misfit = read::<Channel>(r#""email""#).unwrap_err();
        assert!(misfit.message.starts_with("unknown variant `email`, expected one of `in_person`, `online`, `post`"));
    }

    #[test]
    fn an_index_row_reads_back_everything_a_summary_keeps() {
        let text = std::fs::read_to_string("public/catalogs/commune-demo.json").unwrap();
        let catalog = crate::catalog::load(&text).unwrap().catalog;
        assert!(catalog.procedures.len() > 300);
        for p in &catalog.procedures {
            let summary = p.summary();
            let row: Row = read(&serde_json::to_string(&summary).unwrap()).unwrap();
            assert_eq!(row.0, summary, "{}", p.code);
        }
    }

    #[test]
    fn absent_fields_take_the_written_defaults() {
        let fee: Fee = read(r#"{"kind": "charge", "unknown_field": [1, {"x": null}]}"#).unwrap();
        assert_eq!(fee, Fee::new(FeeKind::Charge, None));
        assert_eq!(fee.currency, "VND");
        let p: Procedure =
            read(r#"{"code": "1.1", "name": "A", "levels": ["commune"], "friendly_name": null}"#).unwrap();
        assert_eq!((p.levels, p.online, p.friendly_name), (vec![Level::Commune], OnlineLevel::Unknown, None));
        assert_eq!(read::<Paper>(r#"{"name": "Tờ khai", "copy": 1}"#).unwrap().kind, PaperKind::Submit);
    }
}
