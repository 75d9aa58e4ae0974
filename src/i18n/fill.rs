//! The UI texts with placeholders, one function each: `fill::catalogue_count(lang, 3)`.
//! Each text is a `format!` string, so a placeholder without an argument or an argument
//! the text never shows is a compile error, in either language. Counts are `usize`, shown
//! with the language's thousands separator, and pick the English singular or plural.

use super::number;
use portal_core::Lang;

/// How an argument is shown in a text.
pub trait Arg {
    fn show(&self, lang: Lang) -> String;
}

impl Arg for usize {
    fn show(&self, lang: Lang) -> String {
        number(lang, *self)
    }
}

impl Arg for &str {
    fn show(&self, _: Lang) -> String {
        (*self).to_string()
    }
}

/// `name(arg: Type, ...) { vi: "...", en: "..." }`; a text that counts gives English two
/// forms chosen by one of its arguments: `en: { one(n): "...", other: "..." }`.
/// Vietnamese nouns do not inflect for number, so `vi` is always one string.
macro_rules! fill_texts {
    ($(
        $(#[$doc:meta])*
        $name:ident($($arg:ident: $ty:ty),+) { vi: $vi:literal, en: $en:tt }
    )*) => {$(
        $(#[$doc])*
        pub fn $name(lang: Lang, $($arg: $ty),+) -> String {
            match lang {
                Lang::Vi => format!($vi, $($arg = Arg::show(&$arg, lang)),+),
                Lang::En => fill_texts!(@en lang, $en, $($arg),+),
            }
        }
    )*};
    (@en $lang:ident, $en:literal, $($arg:ident),+) => {
        format!($en, $($arg = Arg::show(&$arg, $lang)),+)
    };
    (@en $lang:ident, { one($count:ident): $one:literal, other: $other:literal }, $($arg:ident),+) => {
        if $count == 1 {
            format!($one, $($arg = Arg::show(&$arg, $lang)),+)
        } else {
            format!($other, $($arg = Arg::show(&$arg, $lang)),+)
        }
    };
}

fill_texts! {
    /// When the figures were computed and the last day they count (dates as written).
    stat_as_of(up_to: &str, at: &str) {
        vi: "Số liệu tính đến hết ngày {up_to}, cập nhật lúc {at}.",
        en: "Figures up to the end of {up_to}, computed at {at}."
    }
    /// The seed's target for the period, already written with the language's decimals.
    stat_target(target: &str) {
        vi: "Chỉ tiêu của kỳ: mỗi dịch vụ có ít nhất {target} hồ sơ nộp trực tuyến ở mỗi tỉnh, thành phố (trung bình 10 hồ sơ một năm).",
        en: "The period's target: at least {target} dossiers filed online for each service in each province (10 a year on average)."
    }
    /// Provinces reaching the target, of how many.
    stat_reaching(n: usize, of: usize) {
        vi: "{n}/{of}",
        en: "{n} of {of}"
    }
    /// How many provinces a folded list names.
    stat_provinces(n: usize) {
        vi: "{n} tỉnh, thành phố",
        en: { one(n): "{n} province", other: "{n} provinces" }
    }
    /// A download link's name: the form it shows (first, as the link's visible text), then the table.
    stat_download(table: &str, format: &str) {
        vi: "{format}: {table}",
        en: "{format}: {table}"
    }
    /// The ranking's column sorted on, and which way.
    stat_sorted_by(indicator: &str, order: &str) {
        vi: "Xếp theo {indicator}, {order}.",
        en: "Ranked on {indicator}, {order}."
    }
    /// A service's place in the list of 25 of Directive 24/CT-TTg (an item number, not a
    /// count: shown without a thousands separator, never over 25).
    directive24_item(n: usize) {
        vi: "Mục {n} trong 25 dịch vụ công trực tuyến tích hợp (Chỉ thị 24/CT-TTg)",
        en: "Item {n} of the 25 integrated online services (Directive 24/CT-TTg)"
    }
    sources_count(n: usize) {
        vi: "{n} văn bản",
        en: { one(n): "{n} legal text", other: "{n} legal texts" }
    }
    catalogue_count(n: usize) {
        vi: "{n} dịch vụ",
        en: { one(n): "{n} service", other: "{n} services" }
    }
    /// An embedded service card whose service that province's people cannot file online
    /// here (its receiving system is not connected to the portal).
    not_available_in(province: &str) {
        vi: "Người dân {province} chưa nộp được hồ sơ thủ tục này trực tuyến qua Cổng Dịch vụ công Quốc gia.",
        en: "People of {province} cannot yet file this procedure online through the National Public Service Portal."
    }
    no_results(q: &str) {
        vi: "Không tìm thấy dịch vụ nào phù hợp với “{q}”.",
        en: "No service matches “{q}”."
    }
    before_start_time(minutes: usize, questions: usize) {
        vi: "Điền tờ khai mất khoảng {minutes} phút ({questions} câu hỏi).",
        en: "Filling in the form takes about {minutes} minutes ({questions} questions)."
    }
    step_of(n: usize, total: usize) {
        vi: "Bước {n}/{total}",
        en: "Step {n} of {total}"
    }
    draft_saved(time: &str) {
        vi: "Bản nháp đã được lưu trên thiết bị này lúc {time}.",
        en: "Draft saved on this device at {time}."
    }
    draft_saved_in_account(time: &str) {
        vi: "Bản nháp đã được lưu lúc {time}, trên thiết bị này và trong tài khoản của bạn: bạn có thể tiếp tục trên thiết bị khác.",
        en: "Draft saved at {time}, on this device and in your account: you can continue on another device."
    }
    unfinished_line(at: &str, n: usize) {
        vi: "Lưu lúc {at} · đã trả lời {n} câu hỏi",
        en: { one(n): "Saved {at} · {n} question answered", other: "Saved {at} · {n} questions answered" }
    }
    from_elsewhere_body(names: &str) {
        vi: "Các câu trả lời sau được lấy từ bản nháp bạn sửa gần đây hơn trên thiết bị khác: {names}. Hãy kiểm tra lại trước khi gửi.",
        en: "These answers come from the draft you changed more recently on another device: {names}. Check them before you send."
    }
    form_changed_dropped(n: usize) {
        vi: "{n} câu trả lời không còn cần nữa.",
        en: { one(n): "{n} answer is no longer needed.", other: "{n} answers are no longer needed." }
    }
    form_changed_required(n: usize) {
        vi: "{n} câu hỏi mới cần bạn trả lời.",
        en: { one(n): "{n} new question needs an answer.", other: "{n} new questions need an answer." }
    }
    upload_limits(types: &str, mb: usize, files: usize) {
        vi: "Định dạng: {types}. Tối đa {mb} MB mỗi tệp, {files} tệp.",
        en: {
            one(files): "Types: {types}. Up to {mb} MB, {files} file.",
            other: "Types: {types}. Up to {mb} MB per file, {files} files."
        }
    }
    address_count(n: usize) {
        vi: "{n} xã, phường, đặc khu",
        en: {
            one(n): "{n} commune, ward or special zone",
            other: "{n} communes, wards and special zones"
        }
    }
    address_matches(n: usize) {
        vi: "{n} xã, phường, đặc khu phù hợp",
        en: { one(n): "{n} matching commune, ward or special zone", other: "{n} matching communes, wards and special zones" }
    }
    address_no_match(q: &str) {
        vi: "Không có xã, phường, đặc khu nào khớp với “{q}”. Hãy gõ ít chữ hơn hoặc kiểm tra chính tả.",
        en: "No commune, ward or special zone matches “{q}”. Type fewer letters or check the spelling."
    }
    legacy_found(n: usize) {
        vi: "Tìm thấy {n} địa chỉ cũ phù hợp.",
        en: { one(n): "Found {n} matching old address.", other: "Found {n} matching old addresses." }
    }
    legacy_chosen(place: &str) {
        vi: "Đã chọn {place}.",
        en: "Selected {place}."
    }
    staff_action_failed(code: &str) {
        vi: "Chưa thực hiện được ({code}). Hãy kiểm tra kết nối rồi thử lại.",
        en: "That did not work ({code}). Check your connection and try again."
    }
    staff_deliveries_counts(pending: &str, dead: &str) {
        vi: "Đang chờ chuyển: {pending}. Đã ngừng chuyển, cần gửi lại: {dead}.",
        en: "Waiting to be sent: {pending}. Given up, to send again: {dead}."
    }
    staff_delivery_attempts(n: &str) {
        vi: "{n} lần thử",
        en: "{n} attempts"
    }
    staff_current_version(v: &str) {
        vi: "Phiên bản hiện hành: {v}",
        en: "Current version: {v}"
    }
    staff_rolled_back(v: &str) {
        vi: "Đã quay lại phiên bản trước. Phiên bản hiện hành: {v}",
        en: "Rolled back. Current version: {v}"
    }
    staff_error_count(n: usize) {
        vi: "{n} lỗi",
        en: { one(n): "{n} error", other: "{n} errors" }
    }
    staff_warning_count(n: usize) {
        vi: "{n} cảnh báo",
        en: { one(n): "{n} warning", other: "{n} warnings" }
    }
    staff_affected_count(n: usize) {
        vi: "Số dịch vụ có hồ sơ nháp bị ảnh hưởng: {n}",
        en: "Services whose drafts are affected: {n}"
    }
    staff_publish_blocked(n: usize) {
        vi: "Chưa thể công bố: bản nháp còn {n} lỗi. Hãy sửa rồi tải lên lại.",
        en: {
            one(n): "Cannot publish yet: the draft has {n} error. Fix it and upload again.",
            other: "Cannot publish yet: the draft has {n} errors. Fix them and upload again."
        }
    }
    staff_published(v: &str) {
        vi: "Đã công bố. Phiên bản hiện hành: {v}. Phiên bản trước được giữ lại để có thể quay lại.",
        en: "Published. Current version: {v}. The previous version is kept so you can roll back."
    }
    ch_renamed(from: &str, to: &str) {
        vi: "Đổi tên: {from} → {to}",
        en: "Renamed: {from} → {to}"
    }
    ch_field_added(label: &str) {
        vi: "Thêm câu hỏi “{label}”",
        en: "Question added: “{label}”"
    }
    ch_field_added_required(label: &str) {
        vi: "Thêm câu hỏi bắt buộc “{label}”",
        en: "Required question added: “{label}”"
    }
    ch_field_removed(label: &str) {
        vi: "Bỏ câu hỏi “{label}”",
        en: "Question removed: “{label}”"
    }
    ch_field_required(label: &str) {
        vi: "Câu hỏi “{label}” trở thành bắt buộc",
        en: "Question made required: “{label}”"
    }
    ch_field_optional(label: &str) {
        vi: "Câu hỏi “{label}” không còn bắt buộc",
        en: "Question made optional: “{label}”"
    }
    ch_field_type(label: &str, from: &str, to: &str) {
        vi: "Câu hỏi “{label}” đổi kiểu: {from} → {to}",
        en: "Question “{label}” changed type: {from} → {to}"
    }
    ch_options_removed(label: &str, values: &str) {
        vi: "Câu hỏi “{label}” bỏ lựa chọn: {values}",
        en: "Question “{label}” lost options: {values}"
    }
    ch_doc_added(name: &str) {
        vi: "Thêm giấy tờ “{name}”",
        en: "Document added: “{name}”"
    }
    ch_doc_removed(name: &str) {
        vi: "Bỏ giấy tờ “{name}”",
        en: "Document removed: “{name}”"
    }
    ch_doc_required(name: &str) {
        vi: "Giấy tờ “{name}” trở thành bắt buộc",
        en: "Document made required: “{name}”"
    }
    ch_fees(before: &str, after: &str) {
        vi: "Lệ phí thấp nhất (trực tuyến): {before} → {after}",
        en: "Lowest fee (online): {before} → {after}"
    }
    ch_form_fee(label: &str, before: &str, after: &str) {
        vi: "Khoản phí “{label}”: {before} → {after}",
        en: "Fee line “{label}”: {before} → {after}"
    }
    ch_time(before: &str, after: &str) {
        vi: "Thời hạn giải quyết: {before} → {after}",
        en: "Processing time: {before} → {after}"
    }
    preview_accepted(fee: &str) {
        vi: "Hồ sơ này sẽ được chấp nhận. Lệ phí trực tuyến: {fee}. Không có hồ sơ nào được tạo.",
        en: "This dossier would be accepted. Online fee: {fee}. No dossier was created."
    }
    supplement_deadline(date: &str, n: usize) {
        vi: "Hạn bổ sung: {date} ({n} ngày làm việc kể từ khi có yêu cầu).",
        en: {
            one(n): "Deadline: {date} ({n} working day from the request).",
            other: "Deadline: {date} ({n} working days from the request)."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_choose_the_english_plural_and_group_thousands() {
        assert_eq!(catalogue_count(Lang::En, 1), "1 service");
        assert_eq!(catalogue_count(Lang::En, 2), "2 services");
        assert_eq!(catalogue_count(Lang::En, 0), "0 services");
        assert_eq!(catalogue_count(Lang::En, 1234), "1,234 services");
        assert_eq!(catalogue_count(Lang::Vi, 1234), "1.234 dịch vụ");
        assert_eq!(catalogue_count(Lang::Vi, 1), "1 dịch vụ");
        assert_eq!(
            upload_limits(Lang::En, "PDF", 5, 1),
            "Types: PDF. Up to 5 MB, 1 file."
        );
        assert_eq!(
            supplement_deadline(Lang::Vi, "01/12/2025", 5),
            "Hạn bổ sung: 01/12/2025 (5 ngày làm việc kể từ khi có yêu cầu)."
        );
    }
}
