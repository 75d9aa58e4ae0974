//! Every piece of UI text, in Vietnamese (the portal's primary language) and English.
//! Each text is a constant that names both: a missing translation does not compile, and
//! a bundle carries only the texts its pages use.

use super::{Key, Texts};

#[allow(non_upper_case_globals)]
impl Key {
    pub const PortalName: Key = Key(&Texts {
        vi: "Cổng Dịch vụ công Quốc gia",
        en: "National Public Service Portal",
    });
    pub const SkipToContent: Key = Key(&Texts {
        vi: "Chuyển đến nội dung chính",
        en: "Skip to main content",
    });
    pub const PhaseTag: Key = Key(&Texts {
        vi: "Beta",
        en: "Beta",
    });
    // The phase banner's sentence, around its link to the feedback page (GOV.UK pattern).
    pub const PhaseBanner: Key = Key(&Texts {
        vi: "Bản thử nghiệm: đây là giao diện mới của cổng, ",
        en: "This is the portal's new interface, and ",
    });
    pub const PhaseBannerLink: Key = Key(&Texts {
        vi: "ý kiến của bạn",
        en: "your feedback",
    });
    pub const PhaseBannerEnd: Key = Key(&Texts {
        vi: " giúp chúng tôi hoàn thiện.",
        en: " will help us improve it.",
    });
    pub const SwitchLanguage: Key = Key(&Texts {
        vi: "English",
        en: "Tiếng Việt",
    });
    pub const FooterAbout: Key = Key(&Texts {
        vi: "Cổng Dịch vụ công Quốc gia: một cửa duy nhất cho dịch vụ công trực tuyến.",
        en: "National Public Service Portal: one place for online public services.",
    });
    pub const FooterNote: Key = Key(&Texts {
        vi: "Đăng nhập bằng tài khoản định danh điện tử VNeID.",
        en: "Sign in with your VNeID electronic identity.",
    });
    pub const CatalogueTitle: Key = Key(&Texts {
        vi: "Dịch vụ công trực tuyến",
        en: "Online public services",
    });
    pub const CatalogueIntro: Key = Key(&Texts {
        vi: "Tìm và thực hiện thủ tục hành chính trực tuyến toàn trình, không cần nộp hồ sơ giấy.",
        en: "Find an administrative procedure and complete it fully online, with no paper dossier.",
    });
    pub const Loading: Key = Key(&Texts {
        vi: "Đang tải…",
        en: "Loading…",
    });
    pub const LoadErrorTitle: Key = Key(&Texts {
        vi: "Không tải được danh mục dịch vụ",
        en: "The list of services could not be loaded",
    });
    // A page whose code comes in a chunk of its own (src/split.rs) that could not be fetched.
    pub const PartLoadErrorTitle: Key = Key(&Texts {
        vi: "Không tải được trang này",
        en: "This page could not be loaded",
    });
    pub const LoadErrorBody: Key = Key(&Texts {
        vi: "Có thể kết nối mạng bị gián đoạn hoặc hệ thống đang bận. Hãy kiểm tra kết nối rồi thử lại.",
        en: "The network may be down or the system busy. Check your connection and try again.",
    });
    pub const Retry: Key = Key(&Texts {
        vi: "Thử lại",
        en: "Try again",
    });
    pub const ServiceNotFoundTitle: Key = Key(&Texts {
        vi: "Không tìm thấy dịch vụ",
        en: "Service not found",
    });
    pub const ServiceNotFoundBody: Key = Key(&Texts {
        vi: "Địa chỉ này không ứng với dịch vụ nào. Có thể dịch vụ đã đổi tên hoặc địa chỉ bị gõ sai.",
        en: "No service has this address. It may have been renamed, or the address may be mistyped.",
    });
    pub const NotFoundTitle: Key = Key(&Texts {
        vi: "Không tìm thấy trang",
        en: "Page not found",
    });
    pub const NotFoundBody: Key = Key(&Texts {
        vi: "Nếu bạn gõ địa chỉ, hãy kiểm tra lại chính tả. Nếu bạn dán địa chỉ, hãy kiểm tra đã sao chép đủ.",
        en: "If you typed the address, check it is correct. If you pasted it, check you copied all of it.",
    });
    pub const BackToCatalogue: Key = Key(&Texts {
        vi: "Về danh mục dịch vụ công",
        en: "Go to the list of public services",
    });
    pub const Breadcrumbs: Key = Key(&Texts {
        vi: "Đường dẫn",
        en: "Breadcrumbs",
    });
    pub const Home: Key = Key(&Texts {
        vi: "Trang chủ",
        en: "Home",
    });
    pub const Bundle: Key = Key(&Texts {
        vi: "Liên thông",
        en: "Linked procedures",
    });
    pub const LevelMinistry: Key = Key(&Texts {
        vi: "Cấp bộ",
        en: "Ministry level",
    });
    pub const LevelProvince: Key = Key(&Texts {
        vi: "Cấp tỉnh",
        en: "Province level",
    });
    pub const LevelCommune: Key = Key(&Texts {
        vi: "Cấp xã",
        en: "Commune level",
    });
    pub const AudienceCitizen: Key = Key(&Texts {
        vi: "Công dân",
        en: "Citizens",
    });
    pub const AudienceBusiness: Key = Key(&Texts {
        vi: "Doanh nghiệp",
        en: "Businesses",
    });
    pub const FullProcess: Key = Key(&Texts {
        vi: "Trực tuyến toàn trình",
        en: "Fully online",
    });
    pub const Partial: Key = Key(&Texts {
        vi: "Trực tuyến một phần",
        en: "Partly online",
    });
    pub const Free: Key = Key(&Texts {
        vi: "Miễn phí",
        en: "Free",
    });
    pub const FeeFrom: Key = Key(&Texts {
        vi: "Lệ phí trực tuyến từ",
        en: "Online fee from",
    });
    pub const FeeVaries: Key = Key(&Texts {
        vi: "Lệ phí tùy trường hợp",
        en: "Fee depends on the case",
    });
    pub const Agency: Key = Key(&Texts {
        vi: "Cơ quan thực hiện",
        en: "Handled by",
    });
    pub const Level: Key = Key(&Texts {
        vi: "Cấp thực hiện",
        en: "Level",
    });
    pub const Audience: Key = Key(&Texts {
        vi: "Đối tượng",
        en: "Who can apply",
    });
    pub const OnlineLevel: Key = Key(&Texts {
        vi: "Mức độ trực tuyến",
        en: "Online level",
    });
    pub const ProcedureCodes: Key = Key(&Texts {
        vi: "Mã thủ tục",
        en: "Procedure code",
    });
    pub const Fees: Key = Key(&Texts {
        vi: "Phí, lệ phí",
        en: "Fees",
    });
    pub const FeeCase: Key = Key(&Texts {
        vi: "Trường hợp",
        en: "Case",
    });
    pub const FeeInPerson: Key = Key(&Texts {
        vi: "Nộp trực tiếp",
        en: "In person",
    });
    pub const FeeOnline: Key = Key(&Texts {
        vi: "Nộp trực tuyến",
        en: "Online",
    });
    pub const FeeNotFixed: Key = Key(&Texts {
        vi: "Không cố định",
        en: "Not fixed",
    });
    pub const ProcessingTime: Key = Key(&Texts {
        vi: "Thời hạn giải quyết",
        en: "Processing time",
    });
    pub const Documents: Key = Key(&Texts {
        vi: "Thành phần hồ sơ",
        en: "Documents you need",
    });
    pub const DocumentInVneid: Key = Key(&Texts {
        vi: "Đã có trên VNeID: bạn không cần tải lên",
        en: "Already in VNeID: you do not need to upload it",
    });
    pub const DocumentOptional: Key = Key(&Texts {
        vi: "Nếu có",
        en: "If you have it",
    });
    pub const Eligibility: Key = Key(&Texts {
        vi: "Ai được thực hiện",
        en: "Who can use this service",
    });
    pub const LegalBasis: Key = Key(&Texts {
        vi: "Căn cứ pháp lý",
        en: "Legal basis",
    });
    pub const NeedsCheck: Key = Key(&Texts {
        vi: "đang được xác minh",
        en: "being verified",
    });
    pub const LinkedProcedures: Key = Key(&Texts {
        vi: "Các thủ tục liên thông",
        en: "Linked procedures",
    });
    pub const Start: Key = Key(&Texts {
        vi: "Bắt đầu",
        en: "Start now",
    });
    pub const BeforeStartTitle: Key = Key(&Texts {
        vi: "Trước khi bắt đầu",
        en: "Before you start",
    });
    pub const BeforeStartFiles: Key = Key(&Texts {
        vi: "Chuẩn bị sẵn ảnh chụp hoặc bản quét (PDF, JPG hoặc PNG) của:",
        en: "Have a photo or scan (PDF, JPG or PNG) of:",
    });
    pub const UploadIfAsked: Key = Key(&Texts {
        vi: "nếu được hỏi",
        en: "if asked",
    });
    pub const StepsTitle: Key = Key(&Texts {
        vi: "Các bước của tờ khai",
        en: "Steps of the form",
    });
    pub const StepsCheck: Key = Key(&Texts {
        vi: "Kiểm tra câu trả lời và nộp",
        en: "Check your answers and submit",
    });
    pub const StepDone: Key = Key(&Texts {
        vi: "đã xong",
        en: "done",
    });
    pub const HelpTitle: Key = Key(&Texts {
        vi: "Cần trợ giúp?",
        en: "Need help?",
    });
    pub const HelpBody: Key = Key(&Texts {
        vi: "Gọi tổng đài hỗ trợ Cổng Dịch vụ công Quốc gia 18001096 (miễn phí, giờ hành chính). Câu trả lời của bạn được lưu trên máy này: bạn có thể dừng lại và quay lại sau.",
        en: "Call the National Public Service Portal helpline on 18001096 (free, office hours). Your answers are saved on this device: you can stop and come back later.",
    });
    pub const StartNote: Key = Key(&Texts {
        vi: "Bạn sẽ cần đăng nhập bằng VNeID trước khi nộp hồ sơ.",
        en: "You will need to sign in with VNeID before you submit.",
    });
    pub const Source: Key = Key(&Texts {
        vi: "Nguồn",
        en: "Source",
    });
    pub const SearchLabel: Key = Key(&Texts {
        vi: "Tìm dịch vụ công",
        en: "Search for a service",
    });
    pub const SearchHint: Key = Key(&Texts {
        vi: "Ví dụ: khai sinh, căn cước, hộ chiếu. Có thể gõ không dấu.",
        en: "For example: birth, ID card, passport. Vietnamese words work with or without accents.",
    });
    pub const SearchButton: Key = Key(&Texts {
        vi: "Tìm kiếm",
        en: "Search",
    });
    pub const FiltersLegend: Key = Key(&Texts {
        vi: "Lọc kết quả",
        en: "Filter results",
    });
    pub const FilterAny: Key = Key(&Texts {
        vi: "Tất cả",
        en: "All",
    });
    pub const NoResultsFiltered: Key = Key(&Texts {
        vi: "Không có dịch vụ nào phù hợp với bộ lọc đã chọn.",
        en: "No service matches the filters you chose.",
    });
    pub const NoResultsTips: Key = Key(&Texts {
        vi: "Hãy kiểm tra chính tả, dùng ít từ hơn, hoặc bỏ bớt bộ lọc.",
        en: "Check the spelling, use fewer words, or remove some filters.",
    });
    pub const ClosestIntro: Key = Key(&Texts {
        vi: "Có thể bạn đang tìm:",
        en: "You may be looking for:",
    });
    pub const ClearSearch: Key = Key(&Texts {
        vi: "Xóa tìm kiếm và bộ lọc",
        en: "Clear the search and filters",
    });
    pub const ShowMore: Key = Key(&Texts {
        vi: "Xem thêm",
        en: "Show more",
    });
    pub const FilterTopic: Key = Key(&Texts {
        vi: "Chủ đề",
        en: "Topic",
    });
    pub const LifeEvents: Key = Key(&Texts {
        vi: "Theo sự kiện trong cuộc sống",
        en: "By life event",
    });
    pub const Subjects: Key = Key(&Texts {
        vi: "Theo lĩnh vực",
        en: "By subject",
    });
    pub const OptionalProcedure: Key = Key(&Texts {
        vi: "Tùy chọn",
        en: "Optional",
    });
    pub const OptionalSuffix: Key = Key(&Texts {
        vi: "(không bắt buộc)",
        en: "(optional)",
    });
    pub const HintDate: Key = Key(&Texts {
        vi: "Ví dụ: 27/03/2007",
        en: "For example, 27/03/2007",
    });
    pub const HintPhone: Key = Key(&Texts {
        vi: "Ví dụ: 0912 345 678",
        en: "For example, 0912 345 678",
    });
    pub const HintPersonalId: Key = Key(&Texts {
        vi: "Gồm 12 chữ số, in trên thẻ căn cước hoặc trong ứng dụng VNeID",
        en: "12 digits, printed on the ID card or shown in the VNeID app",
    });
    pub const HintTaxCode: Key = Key(&Texts {
        vi: "Gồm 10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc (ví dụ 0100109106-001)",
        en: "10 digits, or 13 for a branch (for example 0100109106-001)",
    });
    pub const HintTaxCodeOrId: Key = Key(&Texts {
        vi: "Mã số thuế 10 hoặc 13 chữ số, hoặc số định danh cá nhân 12 chữ số",
        en: "A 10 or 13-digit tax code, or your 12-digit personal ID number",
    });
    pub const PrefilledLocked: Key = Key(&Texts {
        vi: "Thông tin lấy từ Cơ sở dữ liệu quốc gia về dân cư. Nếu chưa đúng, hãy liên hệ công an xã nơi cư trú.",
        en: "From the national population database. If it is wrong, contact your commune police.",
    });
    pub const Yes: Key = Key(&Texts {
        vi: "Có",
        en: "Yes",
    });
    pub const No: Key = Key(&Texts {
        vi: "Không",
        en: "No",
    });
    pub const Declared: Key = Key(&Texts {
        vi: "Đã cam đoan",
        en: "Declared",
    });
    pub const SexMale: Key = Key(&Texts {
        vi: "Nam",
        en: "Male",
    });
    pub const SexFemale: Key = Key(&Texts {
        vi: "Nữ",
        en: "Female",
    });
    pub const ChooseOne: Key = Key(&Texts {
        vi: "Chọn một mục",
        en: "Choose one",
    });
    pub const PartFullName: Key = Key(&Texts {
        vi: "Họ, chữ đệm và tên",
        en: "Full name",
    });
    pub const PartBirthDate: Key = Key(&Texts {
        vi: "Ngày sinh",
        en: "Date of birth",
    });
    pub const PartIdNumber: Key = Key(&Texts {
        vi: "Số định danh cá nhân",
        en: "Personal ID number",
    });
    pub const PartSex: Key = Key(&Texts {
        vi: "Giới tính",
        en: "Sex",
    });
    pub const Remove: Key = Key(&Texts {
        vi: "Xóa",
        en: "Remove",
    });
    pub const AddAnother: Key = Key(&Texts {
        vi: "Thêm",
        en: "Add another",
    });
    pub const ErrorSummaryTitle: Key = Key(&Texts {
        vi: "Có lỗi cần sửa",
        en: "There is a problem",
    });
    pub const Back: Key = Key(&Texts {
        vi: "Quay lại",
        en: "Back",
    });
    pub const RatingTitle: Key = Key(&Texts {
        vi: "Đánh giá mức độ hài lòng",
        en: "How satisfied are you?",
    });
    pub const RatingHint: Key = Key(&Texts {
        vi: "Bạn hài lòng thế nào với cách hồ sơ được giải quyết? Mỗi hồ sơ được đánh giá một lần. Kết quả được dùng trong số liệu công khai, không kèm tên bạn.",
        en: "How satisfied are you with how your application was handled? Each application can be rated once. Ratings are counted in the public figures, without your name.",
    });
    pub const RatingSatisfied: Key = Key(&Texts {
        vi: "Hài lòng",
        en: "Satisfied",
    });
    pub const RatingNeutral: Key = Key(&Texts {
        vi: "Bình thường",
        en: "Neither satisfied nor dissatisfied",
    });
    pub const RatingNotSatisfied: Key = Key(&Texts {
        vi: "Không hài lòng",
        en: "Not satisfied",
    });
    pub const RatingComment: Key = Key(&Texts {
        vi: "Ý kiến thêm (không bắt buộc)",
        en: "Anything to add (optional)",
    });
    pub const RatingCommentHint: Key = Key(&Texts {
        vi: "Chỉ bạn và cán bộ xem được. Tối đa 1.000 ký tự.",
        en: "Only you and staff can read it. At most 1,000 characters.",
    });
    pub const RatingSend: Key = Key(&Texts {
        vi: "Gửi đánh giá",
        en: "Send rating",
    });
    pub const RatingMissing: Key = Key(&Texts {
        vi: "Chọn mức độ hài lòng của bạn",
        en: "Select how satisfied you are",
    });
    pub const RatingFailed: Key = Key(&Texts {
        vi: "Chưa gửi được đánh giá. Kiểm tra kết nối mạng và thử lại.",
        en: "Your rating could not be sent. Check your connection and try again.",
    });
    pub const RatingThanks: Key = Key(&Texts {
        vi: "Cảm ơn bạn đã đánh giá. Bạn đã chọn:",
        en: "Thank you for your rating. You chose:",
    });
    pub const FeedbackTitle: Key = Key(&Texts {
        vi: "Góp ý về Cổng Dịch vụ công",
        en: "Feedback on the portal",
    });
    pub const FeedbackIntro: Key = Key(&Texts {
        vi: "Ý kiến của bạn giúp chúng tôi làm cổng dễ dùng hơn. Chúng tôi đọc mọi góp ý, nhưng không trả lời từng góp ý trừ khi bạn để lại email.",
        en: "Your feedback helps us make the portal easier to use. We read every message, but reply only if you leave an email.",
    });
    pub const FeedbackSend: Key = Key(&Texts {
        vi: "Gửi góp ý",
        en: "Send feedback",
    });
    pub const FeedbackThanksTitle: Key = Key(&Texts {
        vi: "Cảm ơn bạn đã góp ý",
        en: "Thank you for your feedback",
    });
    pub const FeedbackThanksBody: Key = Key(&Texts {
        vi: "Góp ý của bạn đã được gửi đến nhóm phát triển cổng. Bản nháp hồ sơ của bạn (nếu có) vẫn được giữ nguyên.",
        en: "Your feedback has been sent to the team that runs the portal. Your draft application, if you have one, is unchanged.",
    });
    pub const FeedbackBack: Key = Key(&Texts {
        vi: "Quay lại trang bạn đang xem",
        en: "Go back to the page you were on",
    });
    pub const FeedbackLimit: Key = Key(&Texts {
        vi: "Đã có nhiều góp ý được gửi từ mạng của bạn trong một giờ qua. Hãy thử lại sau.",
        en: "Many messages have been sent from your network in the last hour. Try again later.",
    });
    pub const FeedbackFailed: Key = Key(&Texts {
        vi: "Chưa gửi được góp ý. Kiểm tra kết nối mạng và thử lại.",
        en: "Your feedback could not be sent. Check your connection and try again.",
    });
    pub const FeedbackLink: Key = Key(&Texts {
        vi: "Góp ý về trang này",
        en: "Give feedback on this page",
    });
    pub const StaffFeedbackTitle: Key = Key(&Texts {
        vi: "Góp ý của người dùng",
        en: "Feedback from users",
    });
    pub const StaffFeedbackNone: Key = Key(&Texts {
        vi: "Chưa có góp ý nào.",
        en: "No feedback yet.",
    });
    pub const StaffFeedbackSignedIn: Key = Key(&Texts {
        vi: "người gửi đã đăng nhập",
        en: "sent signed in",
    });
    pub const StaffFeedbackAnonymous: Key = Key(&Texts {
        vi: "người gửi chưa đăng nhập",
        en: "sent signed out",
    });
    pub const UnfinishedTitle: Key = Key(&Texts {
        vi: "Hồ sơ đang soạn",
        en: "Unfinished applications",
    });
    pub const SentDossiers: Key = Key(&Texts {
        vi: "Hồ sơ đã gửi",
        en: "Sent applications",
    });
    pub const KeptOnThisDevice: Key = Key(&Texts {
        vi: "chỉ lưu trên thiết bị này",
        en: "kept on this device only",
    });
    pub const KeptInAccount: Key = Key(&Texts {
        vi: "lưu trong tài khoản của bạn",
        en: "kept in your account",
    });
    pub const KeptOnDeviceAndAccount: Key = Key(&Texts {
        vi: "lưu trên thiết bị này và trong tài khoản của bạn",
        en: "kept on this device and in your account",
    });
    pub const ContinueApplication: Key = Key(&Texts {
        vi: "Tiếp tục",
        en: "Continue",
    });
    pub const DeleteDraft: Key = Key(&Texts {
        vi: "Xóa bản nháp",
        en: "Delete draft",
    });
    pub const DeleteDraftConfirm: Key = Key(&Texts {
        vi: "Xóa bản nháp này? Các câu trả lời sẽ bị xóa khỏi thiết bị này và khỏi tài khoản của bạn, không khôi phục được.",
        en: "Delete this draft? Its answers will be deleted from this device and from your account, and cannot be recovered.",
    });
    pub const DeleteDraftYes: Key = Key(&Texts {
        vi: "Có, xóa bản nháp",
        en: "Yes, delete the draft",
    });
    pub const DeleteDraftNo: Key = Key(&Texts {
        vi: "Không, giữ lại",
        en: "No, keep it",
    });
    pub const DeleteDraftFailed: Key = Key(&Texts {
        vi: "Chưa xóa được bản nháp trong tài khoản. Kiểm tra kết nối mạng và thử lại.",
        en: "The draft in your account could not be deleted yet. Check your connection and try again.",
    });
    pub const FromElsewhereTitle: Key = Key(&Texts {
        vi: "Bản nháp đã được cập nhật từ thiết bị khác",
        en: "Your draft was updated from another device",
    });
    pub const ContinuedFromAccount: Key = Key(&Texts {
        vi: "Bạn đang tiếp tục bản nháp đã lưu trong tài khoản của mình từ một thiết bị khác.",
        en: "You are continuing the draft kept in your account from another device.",
    });
    pub const FromElsewhereDismiss: Key = Key(&Texts {
        vi: "Đã hiểu, ẩn thông báo này",
        en: "Understood, hide this message",
    });
    pub const DiscardDraft: Key = Key(&Texts {
        vi: "Xóa bản nháp và làm lại từ đầu",
        en: "Delete the draft and start again",
    });
    pub const FormChangedTitle: Key = Key(&Texts {
        vi: "Biểu mẫu đã thay đổi từ khi bạn bắt đầu",
        en: "The form has changed since you started",
    });
    pub const FormChangedKept: Key = Key(&Texts {
        vi: "Chúng tôi đã giữ các câu trả lời còn dùng được.",
        en: "We kept the answers that still apply.",
    });
    pub const FormChangedCheck: Key = Key(&Texts {
        vi: "Hãy kiểm tra lại từng bước.",
        en: "Please check each step.",
    });
    pub const SaveAndReturn: Key = Key(&Texts {
        vi: "Lưu và quay lại trang kiểm tra",
        en: "Save and return to check your answers",
    });
    pub const Continue: Key = Key(&Texts {
        vi: "Tiếp tục",
        en: "Continue",
    });
    pub const CheckAnswersTitle: Key = Key(&Texts {
        vi: "Kiểm tra thông tin trước khi nộp",
        en: "Check your answers before submitting",
    });
    pub const NotProvided: Key = Key(&Texts {
        vi: "Chưa cung cấp",
        en: "Not provided",
    });
    pub const Change: Key = Key(&Texts {
        vi: "Thay đổi",
        en: "Change",
    });
    pub const PartStreet: Key = Key(&Texts {
        vi: "Số nhà, đường, thôn, tổ dân phố",
        en: "House number and street",
    });
    pub const GalleryTitle: Key = Key(&Texts {
        vi: "Các loại câu hỏi",
        en: "Question types",
    });
    pub const GalleryIntro: Key = Key(&Texts {
        vi: "Mỗi loại câu hỏi của biểu mẫu với các ví dụ được chấp nhận và bị từ chối, kèm đúng thông báo lỗi người dùng sẽ thấy.",
        en: "Every question type of the forms with accepted and refused examples, and the exact error messages people see.",
    });
    pub const Contents: Key = Key(&Texts {
        vi: "Mục lục",
        en: "Contents",
    });
    pub const ExampleAccepted: Key = Key(&Texts {
        vi: "được chấp nhận",
        en: "accepted",
    });
    pub const ExampleRefused: Key = Key(&Texts {
        vi: "bị từ chối",
        en: "refused",
    });
    pub const LargeFormTitle: Key = Key(&Texts {
        vi: "Biểu mẫu 300 câu hỏi (đo hiệu năng)",
        en: "300-question form (benchmark)",
    });
    pub const UploadSignIn: Key = Key(&Texts {
        vi: "Bạn cần đăng nhập bằng VNeID để tải tệp lên. Câu trả lời của bạn đã được lưu.",
        en: "Sign in with VNeID to upload files. Your answers are saved.",
    });
    pub const UploadTooLarge: Key = Key(&Texts {
        vi: "Tệp quá lớn. Hãy chọn tệp nhỏ hơn giới hạn ghi ở trên.",
        en: "The file is too large. Choose a file under the limit above.",
    });
    pub const UploadWrongType: Key = Key(&Texts {
        vi: "Tệp không đúng định dạng. Hãy chọn tệp PDF, JPG hoặc PNG thật (không chỉ đổi tên).",
        en: "The file is not an accepted type. Choose a real PDF, JPG or PNG (renaming is not enough).",
    });
    pub const UploadDamaged: Key = Key(&Texts {
        vi: "Tệp bị hỏng hoặc chưa tải xong. Hãy chọn lại tệp.",
        en: "The file is damaged or incomplete. Choose it again.",
    });
    pub const UploadNetwork: Key = Key(&Texts {
        vi: "Mất kết nối khi tải lên. Hãy thử lại.",
        en: "The connection dropped during the upload. Try again.",
    });
    pub const UploadFailed: Key = Key(&Texts {
        vi: "Chưa tải lên được. Hãy thử lại.",
        en: "The file could not be uploaded. Try again.",
    });
    pub const Uploaded: Key = Key(&Texts {
        vi: "Đã tải lên",
        en: "Uploaded",
    });
    pub const SignIn: Key = Key(&Texts {
        vi: "Đăng nhập",
        en: "Sign in",
    });
    pub const A11yTitle: Key = Key(&Texts {
        vi: "Tuyên bố về khả năng tiếp cận",
        en: "Accessibility statement",
    });
    pub const A11yIntro: Key = Key(&Texts {
        vi: "Cổng được xây dựng để mọi người đều dùng được, kể cả người dùng trình đọc màn hình, chỉ dùng bàn phím, phóng to chữ hoặc dùng điện thoại màn hình nhỏ.",
        en: "The portal is built so that everyone can use it, including people who use a screen reader, only a keyboard, large text or a small phone screen.",
    });
    pub const A11yStatusTitle: Key = Key(&Texts {
        vi: "Mức độ tuân thủ",
        en: "Compliance status",
    });
    pub const A11yStatus: Key = Key(&Texts {
        vi: "Chúng tôi hướng tới tiêu chuẩn WCAG 2.2 mức AA và hiện tuân thủ một phần: các kiểm tra tự động và thủ công bên dưới đều đạt, nhưng chưa có đánh giá độc lập của người khuyết tật.",
        en: "We aim for WCAG 2.2 level AA and are partially compliant: the automated and manual checks below pass, but there has been no independent audit with disabled users yet.",
    });
    pub const A11yTestedTitle: Key = Key(&Texts {
        vi: "Cách chúng tôi kiểm tra",
        en: "How we test",
    });
    pub const A11yTestedAxe: Key = Key(&Texts {
        vi: "Mỗi trang của mỗi hành trình được quét bằng axe-core với các quy tắc WCAG 2.0, 2.1 và 2.2 mức A và AA trong mỗi lần kiểm thử tự động; một lỗi là đủ để chặn phát hành.",
        en: "Every page of every journey is scanned by axe-core with the WCAG 2.0, 2.1 and 2.2 level A and AA rules in every automated test run; one violation stops a release.",
    });
    pub const A11yTestedKeyboard: Key = Key(&Texts {
        vi: "Các hành trình được thực hiện chỉ bằng bàn phím, với tiêu điểm luôn nhìn thấy được.",
        en: "Journeys are completed with the keyboard alone, with focus always visible.",
    });
    pub const A11yTestedReflow: Key = Key(&Texts {
        vi: "Không phải cuộn ngang ở độ rộng 320 điểm ảnh và khi phóng to chữ 200%.",
        en: "No sideways scrolling at 320 pixels wide and at 200% text size.",
    });
    pub const A11yTestedMotion: Key = Key(&Texts {
        vi: "Tôn trọng thiết lập giảm chuyển động của thiết bị.",
        en: "The device's reduced-motion setting is respected.",
    });
    pub const A11yTestedLighthouse: Key = Key(&Texts {
        vi: "Lighthouse (chế độ di động) đo khả năng tiếp cận của các trang chính.",
        en: "Lighthouse (mobile) measures the accessibility of the main pages.",
    });
    pub const A11yKnownTitle: Key = Key(&Texts {
        vi: "Những điều còn hạn chế",
        en: "Known limitations",
    });
    pub const A11yKnownSignIn: Key = Key(&Texts {
        vi: "Trang đăng nhập thử nghiệm thay cho VNeID chỉ dùng để phát triển.",
        en: "The sandbox sign-in page standing in for VNeID is for development only.",
    });
    pub const A11yKnownManual: Key = Key(&Texts {
        vi: "Chưa kiểm tra với mọi trình đọc màn hình trên điện thoại.",
        en: "Not yet tested with every phone screen reader.",
    });
    pub const A11yContactTitle: Key = Key(&Texts {
        vi: "Báo cáo vấn đề",
        en: "Reporting a problem",
    });
    pub const A11yContact: Key = Key(&Texts {
        vi: "Nếu bạn gặp khó khăn khi dùng cổng, hãy gửi phản ánh, kiến nghị qua mục Gửi PAKN, chúng tôi sẽ trả lời trong 5 ngày làm việc.",
        en: "If you have difficulty using the portal, send feedback through the feedback section and we will reply within 5 working days.",
    });
    pub const A11yLink: Key = Key(&Texts {
        vi: "Khả năng tiếp cận",
        en: "Accessibility",
    });
    pub const SubmitTitle: Key = Key(&Texts {
        vi: "Gửi hồ sơ",
        en: "Submit your application",
    });
    pub const SubmitButton: Key = Key(&Texts {
        vi: "Gửi hồ sơ",
        en: "Submit application",
    });
    pub const Sending: Key = Key(&Texts {
        vi: "Đang gửi…",
        en: "Sending…",
    });
    pub const SubmitDeclarationNote: Key = Key(&Texts {
        vi: "Khi gửi, bạn xác nhận các thông tin trên là đúng sự thật.",
        en: "By submitting, you confirm the information above is true.",
    });
    pub const SignInToSubmit: Key = Key(&Texts {
        vi: "Bạn cần đăng nhập bằng tài khoản VNeID trước khi gửi hồ sơ. Câu trả lời của bạn được giữ nguyên.",
        en: "Sign in with VNeID before you submit. Your answers are kept.",
    });
    pub const SignInVneid: Key = Key(&Texts {
        vi: "Đăng nhập bằng VNeID",
        en: "Sign in with VNeID",
    });
    pub const SessionExpired: Key = Key(&Texts {
        vi: "Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại; câu trả lời của bạn được giữ nguyên.",
        en: "Your session has ended. Sign in again; your answers are kept.",
    });
    pub const SubmitWaiting: Key = Key(&Texts {
        vi: "Chưa có kết nối mạng. Hồ sơ đã được lưu trên thiết bị và sẽ tự động gửi (một lần) khi có mạng trở lại.",
        en: "You are offline. The application is saved on this device and will be sent, once, when the connection returns.",
    });
    pub const SubmitFailed: Key = Key(&Texts {
        vi: "Hệ thống chưa nhận được hồ sơ. Hãy thử lại sau ít phút; câu trả lời của bạn không bị mất.",
        en: "The application could not be received. Try again in a few minutes; your answers are not lost.",
    });
    pub const SignOut: Key = Key(&Texts {
        vi: "Đăng xuất",
        en: "Sign out",
    });
    pub const MyDossiers: Key = Key(&Texts {
        vi: "Hồ sơ của tôi",
        en: "My applications",
    });
    pub const DossierSubject: Key = Key(&Texts {
        vi: "Hồ sơ cho:",
        en: "For:",
    });
    pub const StatusReceived: Key = Key(&Texts {
        vi: "Đã tiếp nhận",
        en: "Received",
    });
    pub const StatusInProcessing: Key = Key(&Texts {
        vi: "Đang xử lý",
        en: "Being processed",
    });
    pub const StatusDocumentsRequested: Key = Key(&Texts {
        vi: "Cần bổ sung giấy tờ",
        en: "Additional documents requested",
    });
    pub const StatusApproved: Key = Key(&Texts {
        vi: "Đã được giải quyết",
        en: "Approved",
    });
    pub const StatusRejected: Key = Key(&Texts {
        vi: "Bị từ chối",
        en: "Rejected",
    });
    pub const StatusResultReady: Key = Key(&Texts {
        vi: "Đã có kết quả",
        en: "Result ready",
    });
    pub const PaymentPaid: Key = Key(&Texts {
        vi: "Đã thanh toán",
        en: "Paid",
    });
    pub const PaymentUnpaid: Key = Key(&Texts {
        vi: "Chưa thanh toán",
        en: "Not paid yet",
    });
    pub const PaymentAwaiting: Key = Key(&Texts {
        vi: "Đang chờ cơ quan xác định lệ phí",
        en: "Waiting for the agency to set the fee",
    });
    pub const NotOpenToBusiness: Key = Key(&Texts {
        vi: "Dịch vụ này chỉ dành cho công dân. Bạn đang đăng nhập bằng tài khoản của tổ chức: hãy đăng xuất rồi đăng nhập bằng tài khoản định danh điện tử cá nhân để nộp hồ sơ.",
        en: "This service is for individual citizens. You are signed in with an organisation's account: sign out, then sign in with your personal e-ID account to apply.",
    });
    pub const NotOpenToCitizen: Key = Key(&Texts {
        vi: "Dịch vụ này chỉ dành cho tổ chức, doanh nghiệp. Hãy đăng nhập bằng tài khoản định danh điện tử của tổ chức để nộp hồ sơ.",
        en: "This service is for organisations and businesses. Sign in with the organisation's e-ID account to apply.",
    });
    pub const PaymentNotRequired: Key = Key(&Texts {
        vi: "Không phải nộp phí",
        en: "No fee to pay",
    });
    pub const PaymentSucceeded: Key = Key(&Texts {
        vi: "Thanh toán thành công.",
        en: "Payment received.",
    });
    pub const PaymentFailed: Key = Key(&Texts {
        vi: "Thanh toán chưa thành công. Bạn có thể thử lại; hồ sơ vẫn được giữ.",
        en: "The payment did not go through. You can try again; your application is kept.",
    });
    pub const PayNow: Key = Key(&Texts {
        vi: "Thanh toán lệ phí",
        en: "Pay the fee",
    });
    pub const Payment: Key = Key(&Texts {
        vi: "Lệ phí",
        en: "Fee",
    });
    pub const DossierTitle: Key = Key(&Texts {
        vi: "Hồ sơ đã được gửi",
        en: "Application submitted",
    });
    pub const DossierCode: Key = Key(&Texts {
        vi: "Mã hồ sơ",
        en: "Application reference",
    });
    pub const LookupSecretIs: Key = Key(&Texts {
        vi: "Mã tra cứu (để người khác tra cứu hồ sơ cùng mã hồ sơ):",
        en: "Lookup secret (lets someone else follow the application with its reference):",
    });
    pub const DownloadReceipt: Key = Key(&Texts {
        vi: "Tải biên nhận (PDF, có mã QR và ngày hẹn trả)",
        en: "Download the receipt (PDF, with a QR code and the expected result date)",
    });
    pub const PrintReceipt: Key = Key(&Texts {
        vi: "In biên nhận",
        en: "Print receipt",
    });
    pub const Status: Key = Key(&Texts {
        vi: "Trạng thái",
        en: "Status",
    });
    pub const DocumentsRequestedTitle: Key = Key(&Texts {
        vi: "Cơ quan yêu cầu bổ sung giấy tờ",
        en: "The agency needs more documents",
    });
    pub const DocumentsRequestedReason: Key = Key(&Texts {
        vi: "Lý do:",
        en: "Reason:",
    });
    pub const DocumentsAdded: Key = Key(&Texts {
        vi: "Đã bổ sung giấy tờ",
        en: "Documents added",
    });
    pub const SendDocuments: Key = Key(&Texts {
        vi: "Gửi giấy tờ bổ sung",
        en: "Send the documents",
    });
    pub const WhatHappensNext: Key = Key(&Texts {
        vi: "Điều gì xảy ra tiếp theo",
        en: "What happens next",
    });
    pub const WhatHappensNextBody: Key = Key(&Texts {
        vi: "Cơ quan thực hiện sẽ kiểm tra hồ sơ. Bạn sẽ nhận thông báo qua VNeID, tin nhắn và thư điện tử khi trạng thái thay đổi, và có thể theo dõi tại trang này bất cứ lúc nào.",
        en: "The agency will check your application. You will be told through VNeID, text message and email when its status changes, and you can follow it on this page at any time.",
    });
    pub const NextAfterDocuments: Key = Key(&Texts {
        vi: "Sau khi nhận giấy tờ bổ sung, cơ quan thực hiện tiếp tục xử lý hồ sơ. Bạn sẽ nhận thông báo khi trạng thái thay đổi.",
        en: "Once it has the documents, the agency carries on with your application. You will be told when its status changes.",
    });
    pub const NowRejected: Key = Key(&Texts {
        vi: "Hồ sơ bị từ chối",
        en: "Your application was rejected",
    });
    pub const RejectedBody: Key = Key(&Texts {
        vi: "Nếu chưa rõ lý do, hãy liên hệ cơ quan thực hiện (thông tin ở dưới). Bạn có thể nộp hồ sơ mới khi đã khắc phục.",
        en: "If the reason is not clear, contact the agency (details below). You can apply again once it is put right.",
    });
    pub const NowPayAgain: Key = Key(&Texts {
        vi: "Thanh toán chưa thành công",
        en: "The payment did not go through",
    });
    pub const NowPay: Key = Key(&Texts {
        vi: "Bạn cần nộp lệ phí",
        en: "You need to pay the fee",
    });
    pub const FeeDue: Key = Key(&Texts {
        vi: "Số tiền cần nộp:",
        en: "Amount to pay:",
    });
    pub const NowResultReady: Key = Key(&Texts {
        vi: "Hồ sơ đã có kết quả",
        en: "Your result is ready",
    });
    pub const ResultReadyBody: Key = Key(&Texts {
        vi: "Cơ quan thực hiện đã giải quyết xong hồ sơ. Hãy nhận kết quả theo cách bạn đã chọn khi nộp hồ sơ; nếu nhận tại cơ quan, hãy mang theo mã hồ sơ.",
        en: "The agency has decided your application. Get the result the way you chose when applying; if you collect it in person, bring the reference.",
    });
    pub const NowApproved: Key = Key(&Texts {
        vi: "Hồ sơ đã được giải quyết",
        en: "Your application was approved",
    });
    pub const ApprovedBody: Key = Key(&Texts {
        vi: "Cơ quan thực hiện đã chấp thuận hồ sơ và đang chuẩn bị kết quả. Bạn sẽ nhận thông báo khi có kết quả.",
        en: "The agency has approved your application and is preparing the result. You will be told when it is ready.",
    });
    pub const Timeline: Key = Key(&Texts {
        vi: "Quá trình xử lý",
        en: "History",
    });
    pub const DossierSignInOrLookup: Key = Key(&Texts {
        vi: "Hãy đăng nhập để xem hồ sơ của bạn, hoặc tra cứu bằng mã hồ sơ và số định danh cá nhân.",
        en: "Sign in to see your application, or look it up with its reference and the personal ID number.",
    });
    pub const NoDossiers: Key = Key(&Texts {
        vi: "Bạn chưa gửi hồ sơ nào.",
        en: "You have not submitted any applications.",
    });
    pub const SignInToSeeDossiers: Key = Key(&Texts {
        vi: "Hãy đăng nhập để xem các hồ sơ bạn đã gửi.",
        en: "Sign in to see the applications you have submitted.",
    });
    pub const LookupTitle: Key = Key(&Texts {
        vi: "Tra cứu hồ sơ",
        en: "Look up an application",
    });
    pub const LookupCodeHint: Key = Key(&Texts {
        vi: "Ví dụ: 000.00.00.H99-251127-0001",
        en: "For example, 000.00.00.H99-251127-0001",
    });
    pub const LookupCodeErrorLabel: Key = Key(&Texts {
        vi: "mã hồ sơ",
        en: "the application reference",
    });
    pub const LookupCredential: Key = Key(&Texts {
        vi: "Số định danh cá nhân của người nộp, hoặc mã tra cứu",
        en: "The applicant's personal ID number, or the lookup secret",
    });
    pub const LookupCredentialHint: Key = Key(&Texts {
        vi: "Cần một trong hai để bảo vệ thông tin của người nộp.",
        en: "One of them is needed to protect the applicant's information.",
    });
    pub const LookupButton: Key = Key(&Texts {
        vi: "Tra cứu",
        en: "Look up",
    });
    pub const LookupLocked: Key = Key(&Texts {
        vi: "Đã nhập sai quá nhiều lần (10 lần trong một giờ), nên việc tra cứu hồ sơ này tạm khóa để bảo vệ thông tin của người nộp. Hãy thử lại sau một giờ, hoặc đăng nhập để xem hồ sơ của bạn.",
        en: "Too many wrong attempts (10 in an hour), so looking up this application is paused to protect the applicant. Try again in an hour, or sign in to see your own applications.",
    });
    pub const LookupNotFound: Key = Key(&Texts {
        vi: "Không tìm thấy hồ sơ với mã và thông tin đã nhập. Hãy kiểm tra lại.",
        en: "No application matches that reference and detail. Check them and try again.",
    });
    pub const ErrorPrefix: Key = Key(&Texts {
        vi: "Lỗi: ",
        en: "Error: ",
    });
    pub const AddressProvince: Key = Key(&Texts {
        vi: "Tỉnh, thành phố",
        en: "Province or city",
    });
    pub const AddressChooseProvince: Key = Key(&Texts {
        vi: "Chọn tỉnh, thành phố",
        en: "Choose a province or city",
    });
    pub const AddressCommune: Key = Key(&Texts {
        vi: "Xã, phường, đặc khu",
        en: "Commune, ward or special zone",
    });
    pub const AddressChooseCommune: Key = Key(&Texts {
        vi: "Chọn xã, phường, đặc khu",
        en: "Choose a commune, ward or special zone",
    });
    pub const AddressFilter: Key = Key(&Texts {
        vi: "Tìm xã, phường, đặc khu theo tên",
        en: "Find your commune, ward or special zone by name",
    });
    pub const AddressFilterHint: Key = Key(&Texts {
        vi: "Gõ có dấu hoặc không dấu, ví dụ: ba dinh. Danh sách bên dưới sẽ được thu hẹp.",
        en: "Type with or without Vietnamese accents, for example: ba dinh. The list below narrows as you type.",
    });
    pub const AddressLoadError: Key = Key(&Texts {
        vi: "Không tải được danh sách tỉnh, xã",
        en: "The list of places could not be loaded",
    });
    pub const LegacyToggle: Key = Key(&Texts {
        vi: "Bạn chỉ có địa chỉ cũ (trước ngày 1/7/2025)?",
        en: "Only have an old address (from before 1 July 2025)?",
    });
    pub const LegacyIntro: Key = Key(&Texts {
        vi: "Nhập địa chỉ cũ ghi trên giấy tờ, chúng tôi sẽ tìm xã, phường, đặc khu mới tương ứng.",
        en: "Enter the old address from your documents and we will find the commune, ward or special zone it belongs to now.",
    });
    pub const LegacyWard: Key = Key(&Texts {
        vi: "Phường, xã, thị trấn cũ",
        en: "Old ward, commune or township",
    });
    pub const LegacyWardHint: Key = Key(&Texts {
        vi: "Ví dụ: Phường Trúc Bạch",
        en: "For example: Phường Trúc Bạch",
    });
    pub const LegacyDistrict: Key = Key(&Texts {
        vi: "Quận, huyện, thị xã cũ (nếu biết)",
        en: "Old district (if you know it)",
    });
    pub const LegacyDistrictHint: Key = Key(&Texts {
        vi: "Ví dụ: Quận Ba Đình",
        en: "For example: Quận Ba Đình",
    });
    pub const LegacyProvince: Key = Key(&Texts {
        vi: "Tỉnh, thành phố cũ",
        en: "Old province or city",
    });
    pub const LegacyProvinceHint: Key = Key(&Texts {
        vi: "Ví dụ: Hà Nội",
        en: "For example: Hà Nội",
    });
    pub const LegacyWardMissing: Key = Key(&Texts {
        vi: "Nhập tên phường, xã hoặc thị trấn cũ",
        en: "Enter the old ward, commune or township",
    });
    pub const LegacyProvinceMissing: Key = Key(&Texts {
        vi: "Nhập tên tỉnh, thành phố cũ",
        en: "Enter the old province or city",
    });
    pub const LegacyFind: Key = Key(&Texts {
        vi: "Tìm địa chỉ mới",
        en: "Find the new address",
    });
    pub const LegacyNone: Key = Key(&Texts {
        vi: "Không tìm thấy địa chỉ cũ này. Hãy kiểm tra chính tả, hoặc bỏ trống quận, huyện.",
        en: "We could not find this old address. Check the spelling, or leave the district empty.",
    });
    pub const LegacyError: Key = Key(&Texts {
        vi: "Chưa tra cứu được. Hãy kiểm tra kết nối rồi thử lại.",
        en: "The lookup did not work. Check your connection and try again.",
    });
    pub const LegacyNowIn: Key = Key(&Texts {
        vi: "nay thuộc:",
        en: "is now in:",
    });
    pub const LegacySplit: Key = Key(&Texts {
        vi: "Đơn vị này đã được chia cho nhiều xã, phường, đặc khu mới. Hãy chọn nơi bạn ở.",
        en: "This unit was split between several new communes, wards or special zones. Choose the one where you live.",
    });
    pub const LegacyUse: Key = Key(&Texts {
        vi: "Dùng địa chỉ này",
        en: "Use this address",
    });
    pub const WhereTitle: Key = Key(&Texts {
        vi: "Nơi giải quyết hồ sơ",
        en: "Where your application is handled",
    });
    pub const WhereIntro: Key = Key(&Texts {
        vi: "Chọn nơi bạn cư trú để biết cơ quan nào giải quyết hồ sơ của bạn.",
        en: "Choose where you live to see which office handles your application.",
    });
    pub const WhereLegend: Key = Key(&Texts {
        vi: "Nơi cư trú của bạn",
        en: "Where you live",
    });
    pub const WhereHandledBy: Key = Key(&Texts {
        vi: "Cơ quan giải quyết:",
        en: "Handled by:",
    });
    pub const WhereChooseCommune: Key = Key(&Texts {
        vi: "Chọn xã, phường, đặc khu để biết cơ quan giải quyết.",
        en: "Choose your commune, ward or special zone to see the office.",
    });
    pub const WhereChooseProvince: Key = Key(&Texts {
        vi: "Chọn tỉnh, thành phố để biết cơ quan giải quyết.",
        en: "Choose your province or city to see the office.",
    });
    pub const StaffNavCatalogue: Key = Key(&Texts {
        vi: "Danh mục dịch vụ",
        en: "Service catalogue",
    });
    pub const StaffTitle: Key = Key(&Texts {
        vi: "Khu vực cán bộ",
        en: "Staff area",
    });
    pub const StaffSignInNeeded: Key = Key(&Texts {
        vi: "Khu vực này dành cho cán bộ Cổng Dịch vụ công. Hãy đăng nhập bằng tài khoản cán bộ để tiếp tục.",
        en: "This area is for portal staff. Sign in with a staff account to continue.",
    });
    pub const StaffSignIn: Key = Key(&Texts {
        vi: "Đăng nhập",
        en: "Sign in",
    });
    pub const StaffRefusedTitle: Key = Key(&Texts {
        vi: "Bạn không có quyền vào khu vực này",
        en: "You do not have access to this area",
    });
    pub const StaffRefusedBody: Key = Key(&Texts {
        vi: "Khu vực này chỉ dành cho cán bộ Cổng Dịch vụ công. Tài khoản bạn đang dùng không phải tài khoản cán bộ.",
        en: "This area is only for portal staff. The account you are signed in with is not a staff account.",
    });
    pub const StaffNoDossierRole: Key = Key(&Texts {
        vi: "Khu vực này dành cho cán bộ xử lý hồ sơ. Vai trò của bạn trong danh bạ cán bộ không gồm việc này.",
        en: "This area is for dossier officers. Your roles in the staff directory do not include this work.",
    });
    pub const StaffDeliveriesTitle: Key = Key(&Texts {
        vi: "Chuyển hồ sơ đến cơ quan",
        en: "Dossiers sent to the agencies",
    });
    pub const StaffDeliveriesIntro: Key = Key(&Texts {
        vi: "Mỗi hồ sơ được chuyển đến hệ thống của cơ quan tiếp nhận và được gửi lại cho đến khi cơ quan xác nhận. Hồ sơ quá hạn gửi mà chưa được xác nhận nằm ở đây: kiểm tra lỗi, rồi gửi lại.",
        en: "Each dossier is sent to the receiving agency's system and sent again until the agency acknowledges it. Those not acknowledged in time wait here: check the error, then send again.",
    });
    pub const StaffDeliveriesNone: Key = Key(&Texts {
        vi: "Không có hồ sơ nào phải gửi lại.",
        en: "Nothing needs sending again.",
    });
    pub const StaffDeliverySystem: Key = Key(&Texts {
        vi: "Hệ thống",
        en: "System",
    });
    pub const StaffDeliveryError: Key = Key(&Texts {
        vi: "Lỗi lần cuối",
        en: "Last error",
    });
    pub const StaffDeliveryRetry: Key = Key(&Texts {
        vi: "Gửi lại",
        en: "Send again",
    });
    pub const StaffDeliveryRetried: Key = Key(&Texts {
        vi: "Đã đưa hồ sơ vào hàng chờ gửi lại.",
        en: "Queued to be sent again.",
    });
    pub const StaffNoCatalogueRole: Key = Key(&Texts {
        vi: "Khu vực này dành cho cán bộ biên tập và cán bộ công bố danh mục. Vai trò của bạn trong danh bạ cán bộ không gồm việc này.",
        en: "This area is for catalogue editors and publishers. Your roles in the staff directory do not include this work.",
    });
    pub const StaffPublishNeedsPublisher: Key = Key(&Texts {
        vi: "Bản nháp này cần một cán bộ công bố khác kiểm tra và công bố. Hãy gửi cho họ đường dẫn xem trước ở trên.",
        en: "Another member of staff with the publisher role must check and publish this draft. Send them the preview link above.",
    });
    pub const StaffFourEyes: Key = Key(&Texts {
        vi: "Bạn đã tạo bản nháp này nên không thể tự công bố. Một cán bộ công bố khác phải kiểm tra và công bố.",
        en: "You made this draft, so you cannot publish it yourself. Another publisher must check and publish it.",
    });
    pub const StaffRoleMissing: Key = Key(&Texts {
        vi: "Vai trò của bạn trong danh bạ cán bộ không cho phép việc này.",
        en: "Your roles in the staff directory do not allow this.",
    });
    pub const StaffUploadTitle: Key = Key(&Texts {
        vi: "Tải lên bản nháp danh mục",
        en: "Upload a draft catalogue",
    });
    pub const StaffUploadHint: Key = Key(&Texts {
        vi: "Chọn thư mục danh mục (có topics.toml, services/ và forms/) hoặc chọn các tệp .toml. Tệp được kiểm tra trước; chưa có gì được công bố.",
        en: "Choose the catalogue folder (with topics.toml, services/ and forms/) or choose .toml files. The files are checked first; nothing is published yet.",
    });
    pub const StaffFolderLabel: Key = Key(&Texts {
        vi: "Thư mục danh mục",
        en: "Catalogue folder",
    });
    pub const StaffFilesLabel: Key = Key(&Texts {
        vi: "Hoặc các tệp .toml",
        en: "Or .toml files",
    });
    pub const StaffUploadButton: Key = Key(&Texts {
        vi: "Tải lên và kiểm tra",
        en: "Upload and check",
    });
    pub const StaffUploading: Key = Key(&Texts {
        vi: "Đang tải lên…",
        en: "Uploading…",
    });
    pub const StaffNoFiles: Key = Key(&Texts {
        vi: "Hãy chọn một thư mục danh mục hoặc ít nhất một tệp .toml.",
        en: "Choose a catalogue folder or at least one .toml file.",
    });
    pub const StaffVersionsTitle: Key = Key(&Texts {
        vi: "Các phiên bản đã công bố",
        en: "Published versions",
    });
    pub const StaffRollback: Key = Key(&Texts {
        vi: "Quay lại phiên bản trước",
        en: "Roll back to the previous version",
    });
    pub const StaffRollbackConfirmTitle: Key = Key(&Texts {
        vi: "Quay lại phiên bản trước?",
        en: "Roll back to the previous version?",
    });
    pub const StaffRollbackWarning: Key = Key(&Texts {
        vi: "Người dân sẽ thấy ngay danh mục của phiên bản trước phiên bản hiện hành. Phiên bản hiện hành vẫn được giữ trong danh sách.",
        en: "Citizens will see the catalogue of the version before the current one straight away. The current version stays in the list.",
    });
    pub const StaffRollbackYes: Key = Key(&Texts {
        vi: "Có, quay lại",
        en: "Yes, roll back",
    });
    pub const StaffPublishConfirmTitle: Key = Key(&Texts {
        vi: "Công bố bản nháp này?",
        en: "Publish this draft?",
    });
    pub const StaffPublishWarning: Key = Key(&Texts {
        vi: "Người dân sẽ thấy danh mục mới ngay sau khi công bố. Phiên bản hiện hành được giữ lại để có thể quay lại.",
        en: "Citizens will see the new catalogue as soon as it is published. The current version is kept so you can roll back.",
    });
    pub const StaffPublishYes: Key = Key(&Texts {
        vi: "Có, công bố",
        en: "Yes, publish",
    });
    pub const Cancel: Key = Key(&Texts {
        vi: "Hủy",
        en: "Cancel",
    });
    pub const StaffActionDeployed: Key = Key(&Texts {
        vi: "Triển khai",
        en: "Deployed",
    });
    pub const StaffActionPublish: Key = Key(&Texts {
        vi: "Công bố",
        en: "Published",
    });
    pub const StaffActionRollback: Key = Key(&Texts {
        vi: "Quay lại",
        en: "Rolled back",
    });
    pub const StaffDraftTitle: Key = Key(&Texts {
        vi: "Bản nháp danh mục",
        en: "Draft catalogue",
    });
    pub const StaffFindingsTitle: Key = Key(&Texts {
        vi: "Kết quả kiểm tra",
        en: "Check results",
    });
    pub const StaffNoFindings: Key = Key(&Texts {
        vi: "Không có lỗi hay cảnh báo nào.",
        en: "No errors or warnings.",
    });
    pub const StaffSeverityError: Key = Key(&Texts {
        vi: "Lỗi",
        en: "Error",
    });
    pub const StaffSeverityWarning: Key = Key(&Texts {
        vi: "Cảnh báo",
        en: "Warning",
    });
    pub const StaffDiffTitle: Key = Key(&Texts {
        vi: "Thay đổi so với bản đang công bố",
        en: "Changes from the published catalogue",
    });
    pub const StaffDiffNone: Key = Key(&Texts {
        vi: "Không có thay đổi nào.",
        en: "No changes.",
    });
    pub const StaffServicesAdded: Key = Key(&Texts {
        vi: "Dịch vụ thêm mới",
        en: "Services added",
    });
    pub const StaffServicesRemoved: Key = Key(&Texts {
        vi: "Dịch vụ bị bỏ",
        en: "Services removed",
    });
    pub const StaffServicesChanged: Key = Key(&Texts {
        vi: "Dịch vụ thay đổi",
        en: "Services changed",
    });
    pub const StaffAffectsDrafts: Key = Key(&Texts {
        vi: "Hồ sơ nháp của người dân trên biểu mẫu cũ sẽ được chuyển sang biểu mẫu mới.",
        en: "Citizens’ drafts started on the old form will be moved to the new form.",
    });
    pub const ChFormAdded: Key = Key(&Texts {
        vi: "Thêm biểu mẫu trực tuyến",
        en: "Online form added",
    });
    pub const ChFormRemoved: Key = Key(&Texts {
        vi: "Bỏ biểu mẫu trực tuyến",
        en: "Online form removed",
    });
    pub const StaffPublish: Key = Key(&Texts {
        vi: "Công bố bản nháp",
        en: "Publish the draft",
    });
    pub const StaffPreviewLink: Key = Key(&Texts {
        vi: "Xem trước bản nháp",
        en: "Preview the draft",
    });
    pub const StaffShareHint: Key = Key(&Texts {
        vi: "Gửi đường dẫn này cho cán bộ khác để cùng xem trước:",
        en: "Share this link with another staff member to preview:",
    });
    pub const StaffDraftNotFound: Key = Key(&Texts {
        vi: "Không tìm thấy bản nháp này.",
        en: "This draft was not found.",
    });
    pub const StaffBackToStaff: Key = Key(&Texts {
        vi: "Về khu vực cán bộ",
        en: "Back to the staff area",
    });
    pub const PreviewBanner: Key = Key(&Texts {
        vi: "Bản xem trước",
        en: "Preview",
    });
    pub const PreviewBannerBody: Key = Key(&Texts {
        vi: "Đây là bản nháp danh mục chưa công bố. Người dân chưa thấy nội dung này.",
        en: "This is an unpublished draft catalogue. Citizens cannot see it.",
    });
    pub const PreviewBackToDraft: Key = Key(&Texts {
        vi: "Về kết quả kiểm tra bản nháp",
        en: "Back to the draft’s check results",
    });
    pub const PreviewSubmitTitle: Key = Key(&Texts {
        vi: "Nộp thử",
        en: "Test submission",
    });
    pub const PreviewSubmitHint: Key = Key(&Texts {
        vi: "Hồ sơ được gửi tới môi trường thử nghiệm và được kiểm tra như thật, nhưng không được lưu và không tạo hồ sơ nào.",
        en: "The answers go to a sandbox and are checked as a real submission would be, but nothing is stored and no dossier is created.",
    });
    pub const PreviewSubmitButton: Key = Key(&Texts {
        vi: "Nộp thử (không tạo hồ sơ)",
        en: "Test submit (no dossier is created)",
    });
    pub const PreviewRejected: Key = Key(&Texts {
        vi: "Hồ sơ này sẽ bị từ chối vì:",
        en: "This dossier would be refused because:",
    });
    pub const DossierTrackTitle: Key = Key(&Texts {
        vi: "Theo dõi hồ sơ",
        en: "Track your application",
    });
    pub const ReceiptHeading: Key = Key(&Texts {
        vi: "Biên nhận hồ sơ",
        en: "Application receipt",
    });
    pub const LookupSecretHint: Key = Key(&Texts {
        vi: "Hãy lưu lại mã hồ sơ và mã tra cứu, hoặc in biên nhận này. Người nhà có thể tra cứu hồ sơ bằng hai mã này mà không cần đăng nhập.",
        en: "Keep the reference and the lookup code, or print this receipt. Someone helping you can follow the application with both codes without signing in.",
    });
    pub const PayAgain: Key = Key(&Texts {
        vi: "Thanh toán lại",
        en: "Try paying again",
    });
    pub const PaymentStartFailed: Key = Key(&Texts {
        vi: "Chưa mở được trang thanh toán. Hãy kiểm tra kết nối mạng và thử lại; hồ sơ của bạn vẫn được giữ.",
        en: "The payment page could not be opened. Check your connection and try again; your application is kept.",
    });
    pub const ContactTitle: Key = Key(&Texts {
        vi: "Liên hệ",
        en: "Contact",
    });
    pub const ContactBody: Key = Key(&Texts {
        vi: "Tổng đài hỗ trợ Cổng Dịch vụ công Quốc gia: 18001096 (miễn phí, giờ hành chính). Khi gọi, hãy đọc mã hồ sơ.",
        en: "National Public Service Portal helpline: 18001096 (free, office hours). Have your application reference ready.",
    });
    pub const AdditionalDocuments: Key = Key(&Texts {
        vi: "Giấy tờ bổ sung",
        en: "Additional documents",
    });
    pub const DocumentsFailed: Key = Key(&Texts {
        vi: "Chưa gửi được giấy tờ bổ sung. Hãy thử lại; các tệp đã tải lên vẫn được giữ.",
        en: "The additional documents were not sent. Try again; the uploaded files are kept.",
    });
    pub const LookupNetwork: Key = Key(&Texts {
        vi: "Không kết nối được với hệ thống. Hãy kiểm tra mạng và thử lại.",
        en: "The portal could not be reached. Check your connection and try again.",
    });
    pub const LookupIntro: Key = Key(&Texts {
        vi: "Theo dõi hồ sơ không cần đăng nhập, bằng mã hồ sơ trên biên nhận và số định danh cá nhân của người nộp hoặc mã tra cứu.",
        en: "Follow an application without signing in, with the reference on the receipt and the applicant's personal ID number or the lookup code.",
    });
    pub const PaymentFailedEvent: Key = Key(&Texts {
        vi: "Thanh toán không thành công",
        en: "Payment failed",
    });
    pub const PaymentCancelledEvent: Key = Key(&Texts {
        vi: "Đã hủy thanh toán",
        en: "Payment cancelled",
    });
    pub const EventDelivered: Key = Key(&Texts {
        vi: "Đã chuyển đến hệ thống của cơ quan tiếp nhận",
        en: "Sent to the receiving agency's system",
    });
    pub const EventAgencyReceived: Key = Key(&Texts {
        vi: "Cơ quan tiếp nhận đã nhận hồ sơ",
        en: "The receiving agency has your application",
    });
    pub const ReceivingAgency: Key = Key(&Texts {
        vi: "Nơi tiếp nhận",
        en: "Received by",
    });
    pub const ResultTitle: Key = Key(&Texts {
        vi: "Kết quả giải quyết",
        en: "Your result",
    });
    pub const DownloadResult: Key = Key(&Texts {
        vi: "Tải kết quả",
        en: "Download the result",
    });
    pub const PickupNote: Key = Key(&Texts {
        vi: "Nhận kết quả:",
        en: "Collecting the result:",
    });
    pub const EventSubmitted: Key = Key(&Texts {
        vi: "Đã nộp hồ sơ trực tuyến",
        en: "Submitted online",
    });
    pub const SubmitRefusedTitle: Key = Key(&Texts {
        vi: "Hệ thống chưa nhận hồ sơ vì còn vấn đề cần sửa",
        en: "The application was not accepted: there is a problem to fix",
    });
    pub const SubmitNow: Key = Key(&Texts {
        vi: "Gửi ngay",
        en: "Send now",
    });
    pub const SubmitBackOnline: Key = Key(&Texts {
        vi: "Đang gửi hồ sơ đã lưu trên thiết bị…",
        en: "Sending the application saved on this device…",
    });
    pub const SignInAgain: Key = Key(&Texts {
        vi: "Đăng nhập lại",
        en: "Sign in again",
    });
    pub const SubmitAlreadyReceived: Key = Key(&Texts {
        vi: "Hệ thống đã nhận một hồ sơ gửi từ trang này với nội dung khác, nên lần gửi này chưa được thực hiện. Câu trả lời của bạn vẫn được giữ nguyên tại đây.",
        en: "We already received an application sent from this page with different answers, so these answers were not sent. Your answers are kept here.",
    });
    pub const SubmitAlreadyReceivedNext: Key = Key(&Texts {
        vi: "Hãy xem mục Hồ sơ của tôi để kiểm tra hồ sơ đã được nhận. Nếu vẫn cần gửi những câu trả lời này, hãy gửi lại: chúng sẽ được gửi thành một hồ sơ mới.",
        en: "Check My applications for the application we received. If you still need to send these answers, submit them again: they will be sent as a new application.",
    });
    pub const FilterProvince: Key = Key(&Texts {
        vi: "Nộp trực tuyến được ở",
        en: "Can be filed online in",
    });
    pub const AvailabilityErrorTitle: Key = Key(&Texts {
        vi: "Không tải được danh sách dịch vụ của tỉnh, thành phố này",
        en: "The services of this province or city could not be loaded",
    });
    pub const FilterDirective24: Key = Key(&Texts {
        vi: "Chỉ 25 dịch vụ công trực tuyến tích hợp",
        en: "Only the 25 integrated online services",
    });
    pub const Directive24Explained: Key = Key(&Texts {
        vi: "Theo Chỉ thị 24/CT-TTg ngày 13/9/2025, từ ngày 1/10/2025 các Trung tâm Phục vụ hành chính công chỉ nhận hồ sơ trực tuyến cho 25 dịch vụ này. Các thủ tục mai táng phí, tử tuất, xóa đăng ký thường trú và cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi được làm trong hai nhóm liên thông khai sinh và khai tử.",
        en: "Under Directive 24/CT-TTg of 13 September 2025, from 1 October 2025 the public service centres accept these 25 services online only. The funeral allowance, survivor benefit, deletion of permanent residence and the health insurance card for children under 6 are done within the linked birth and death groups.",
    });
    pub const Directive24Label: Key = Key(&Texts {
        vi: "25 dịch vụ công trực tuyến tích hợp",
        en: "The 25 integrated online services",
    });
    pub const Directive24PageIntro: Key = Key(&Texts {
        vi: "Đây là 25 dịch vụ công trực tuyến toàn trình được tích hợp trên Cổng Dịch vụ công quốc gia, theo thứ tự trong danh sách của Chỉ thị 24/CT-TTg ngày 13/9/2025 của Thủ tướng Chính phủ. Từ ngày 1/10/2025, Trung tâm Phục vụ hành chính công không nhận hồ sơ giấy cho các dịch vụ này: bạn nộp trực tuyến, đăng nhập bằng VNeID, và không phải nộp lại giấy tờ đã có trong VNeID.",
        en: "These are the 25 full-process online services integrated on the National Public Service Portal, in the order of the list in the Prime Minister's Directive 24/CT-TTg of 13 September 2025. From 1 October 2025 the public administration service centres no longer take paper dossiers for them: you apply online, signed in with VNeID, and need not hand in again the papers VNeID already holds.",
    });
    pub const Directive24Search: Key = Key(&Texts {
        vi: "Tìm kiếm trong 25 dịch vụ này",
        en: "Search within these 25 services",
    });
    pub const Directive24ListLink: Key = Key(&Texts {
        vi: "Xem 25 dịch vụ theo thứ tự trong Chỉ thị",
        en: "See the 25 services in the directive's order",
    });
    pub const Directive24PartsTitle: Key = Key(&Texts {
        vi: "Thủ tục được làm trong nhóm liên thông",
        en: "Procedures done within a linked group",
    });
    pub const Directive24PartsIntro: Key = Key(&Texts {
        vi: "Các thủ tục dưới đây không có mục riêng trong danh sách: chúng được nộp bằng một tờ khai chung trong nhóm liên thông ghi bên cạnh (khai sinh hoặc khai tử).",
        en: "The procedures below have no item of their own in the list: they are filed with one shared declaration inside the linked group named beside them (birth or death).",
    });
    pub const Directive24PartOf: Key = Key(&Texts {
        vi: "nộp trong",
        en: "filed within",
    });
    pub const SourcesTitle: Key = Key(&Texts {
        vi: "Văn bản pháp lý của danh mục",
        en: "Legal texts the catalogue relies on",
    });
    pub const SourcesIntro: Key = Key(&Texts {
        vi: "Các luật, nghị định, thông tư và chỉ thị mà các dịch vụ trong danh mục dựa vào, văn bản mới nhất trước. Mỗi văn bản ghi ngày ban hành và các dịch vụ dẫn nó, để biết cần xem lại dịch vụ nào khi văn bản được sửa đổi hoặc thay thế. Danh sách được lập tự động từ dữ liệu của danh mục.",
        en: "The laws, decrees, circulars and directives the catalogue's services rely on, newest first. Each shows its date of issue and the services that cite it, so you can see which services to re-check when a text is amended or replaced. The list is built from the catalogue's own data.",
    });
    pub const SourcesLink: Key = Key(&Texts {
        vi: "Mọi văn bản pháp lý của danh mục",
        en: "Every legal text the catalogue relies on",
    });
    pub const SourceIssued: Key = Key(&Texts {
        vi: "Ngày ban hành",
        en: "Issued",
    });
    pub const SourceUndated: Key = Key(&Texts {
        vi: "Chưa ghi ngày ban hành",
        en: "Date of issue not recorded",
    });
    pub const SourceStatus: Key = Key(&Texts {
        vi: "Tình trạng",
        en: "Status",
    });
    pub const SourceChecking: Key = Key(&Texts {
        vi: "Đang được xác minh với văn bản gốc",
        en: "Being verified against the official text",
    });
    pub const SourceConfirmed: Key = Key(&Texts {
        vi: "Đã đối chiếu với văn bản gốc",
        en: "Checked against the official text",
    });
    pub const SourceUsedBy: Key = Key(&Texts {
        vi: "Dịch vụ dựa vào văn bản này",
        en: "Services that rely on it",
    });
    pub const RoleLaw: Key = Key(&Texts {
        vi: "luật điều chỉnh",
        en: "governing law",
    });
    pub const RoleProcedure: Key = Key(&Texts {
        vi: "trình tự, thủ tục",
        en: "procedure",
    });
    pub const RoleFee: Key = Key(&Texts {
        vi: "phí, lệ phí",
        en: "fee",
    });
    pub const RoleProgramme: Key = Key(&Texts {
        vi: "chương trình",
        en: "programme",
    });
    // The public statistics (/statistics, issue #19).
    pub const StatisticsTitle: Key = Key(&Texts {
        vi: "Số liệu thống kê dịch vụ công",
        en: "Public service statistics",
    });
    pub const StatisticsLink: Key = Key(&Texts {
        vi: "Số liệu thống kê",
        en: "Statistics",
    });
    pub const StatisticsIntro: Key = Key(&Texts {
        vi: "Số hồ sơ nộp trực tuyến và được giải quyết trên cổng, theo tháng, quý hoặc năm, cho cả nước hoặc từng tỉnh, thành phố.",
        en: "How many dossiers were filed online and decided on the portal, by month, quarter or year, for the whole country or one province.",
    });
    pub const StatFiltersLegend: Key = Key(&Texts {
        vi: "Chọn số liệu",
        en: "Choose the figures",
    });
    pub const StatPeriod: Key = Key(&Texts {
        vi: "Kỳ",
        en: "Period",
    });
    pub const StatMonths: Key = Key(&Texts {
        vi: "Tháng",
        en: "Months",
    });
    pub const StatQuarters: Key = Key(&Texts {
        vi: "Quý",
        en: "Quarters",
    });
    pub const StatYears: Key = Key(&Texts {
        vi: "Năm",
        en: "Years",
    });
    pub const StatScope: Key = Key(&Texts {
        vi: "Phạm vi",
        en: "Area",
    });
    pub const StatWholeCountry: Key = Key(&Texts {
        vi: "Cả nước",
        en: "Whole country",
    });
    pub const StatService: Key = Key(&Texts {
        vi: "Dịch vụ",
        en: "Service",
    });
    pub const StatAllServices: Key = Key(&Texts {
        vi: "Tất cả dịch vụ",
        en: "All services",
    });
    pub const StatBadLink: Key = Key(&Texts {
        vi: "Đường dẫn có bộ lọc không hợp lệ, nên trang hiển thị số liệu cả nước của tháng này.",
        en:
            "The link's filters were not valid, so the page shows the whole country for this month.",
    });
    pub const StatGeneratedTitle: Key = Key(&Texts {
        vi: "Số liệu có cả dữ liệu tạo ra để trình diễn",
        en: "These figures include generated demonstration data",
    });
    pub const StatGeneratedBody: Key = Key(&Texts {
        vi: "Một phần hồ sơ được đếm ở đây không do người dân hay doanh nghiệp nộp mà được tạo ra để trình diễn hoặc thử tải hệ thống. Đừng dùng các số liệu này để đánh giá việc giải quyết thủ tục thực tế.",
        en: "Some of the dossiers counted here were not filed by people or businesses but generated to demonstrate or load-test the system. Do not use these figures to judge how procedures are really handled.",
    });
    pub const StatHeadlineTitle: Key = Key(&Texts {
        vi: "Số liệu chính",
        en: "Key figures",
    });
    pub const StatReceivedOnline: Key = Key(&Texts {
        vi: "Hồ sơ nộp trực tuyến",
        en: "Received online",
    });
    pub const StatDecided: Key = Key(&Texts {
        vi: "Hồ sơ đã giải quyết",
        en: "Decided",
    });
    pub const StatOnTimeShare: Key = Key(&Texts {
        vi: "Tỷ lệ giải quyết đúng hạn",
        en: "Decided on time",
    });
    pub const StatDecidedLate: Key = Key(&Texts {
        vi: "Hồ sơ giải quyết quá hạn",
        en: "Decided late",
    });
    pub const StatStillOpen: Key = Key(&Texts {
        vi: "Hồ sơ đang giải quyết",
        en: "Still open",
    });
    pub const StatOverdueOpen: Key = Key(&Texts {
        vi: "Hồ sơ đang giải quyết đã quá hạn",
        en: "Open and overdue",
    });
    pub const StatOnlineShare: Key = Key(&Texts {
        vi: "Tỷ lệ nộp trực tuyến",
        en: "Filed online",
    });
    pub const StatPaidOnlineShare: Key = Key(&Texts {
        vi: "Tỷ lệ thanh toán trực tuyến",
        en: "Fees paid online",
    });
    pub const StatSatisfactionShare: Key = Key(&Texts {
        vi: "Tỷ lệ hài lòng",
        en: "Satisfied",
    });
    pub const StatSuppressedNote: Key = Key(&Texts {
        vi: "“< 5” nghĩa là từ 1 đến 4 hồ sơ (hoặc một tỷ lệ tính trên ít hơn 5 hồ sơ): số nhỏ như vậy không được công bố để không ai bị nhận ra.",
        en: "“< 5” means 1 to 4 dossiers (or a share of fewer than 5 dossiers): numbers so small are not published, so that nobody can be recognised.",
    });
    pub const StatNothingNote: Key = Key(&Texts {
        vi: "“—” nghĩa là không có hồ sơ nào để tính tỷ lệ.",
        en: "“—” means there were no dossiers to compute the share from.",
    });
    pub const StatMonthsTitle: Key = Key(&Texts {
        vi: "Theo tháng",
        en: "Month by month",
    });
    pub const StatMonthsChartTitle: Key = Key(&Texts {
        vi: "Hồ sơ nộp trực tuyến và hồ sơ đã giải quyết theo tháng",
        en: "Dossiers received online and decided, by month",
    });
    pub const StatOnTimeChartTitle: Key = Key(&Texts {
        vi: "Tỷ lệ giải quyết đúng hạn theo tháng",
        en: "Share decided on time, by month",
    });
    pub const StatChartDesc: Key = Key(&Texts {
        vi: "Các con số của biểu đồ có trong bảng: chọn “Bảng” để xem.",
        en: "The chart's numbers are in its table: choose “Table” to see them.",
    });
    pub const StatSuppressedLegend: Key = Key(&Texts {
        vi: "Ô sọc: dưới 5 hồ sơ, không vẽ cột",
        en: "Hatched: fewer than 5 dossiers, no bar drawn",
    });
    pub const StatMonth: Key = Key(&Texts {
        vi: "Tháng",
        en: "Month",
    });
    pub const StatViewAs: Key = Key(&Texts {
        vi: "Xem dưới dạng",
        en: "View as",
    });
    pub const StatViewChart: Key = Key(&Texts {
        vi: "Biểu đồ",
        en: "Chart",
    });
    pub const StatViewTable: Key = Key(&Texts {
        vi: "Bảng",
        en: "Table",
    });
    pub const StatProvincesTitle: Key = Key(&Texts {
        vi: "Xếp hạng các tỉnh, thành phố",
        en: "Provinces ranked",
    });
    pub const StatSortHint: Key = Key(&Texts {
        vi: "Chọn tiêu đề một cột để xếp hạng theo chỉ số đó; chọn lại để đảo thứ tự. Tỉnh không có số liệu để so sánh thì không có hạng.",
        en: "Choose a column heading to rank on it; choose it again to reverse the order. A province with nothing to compare has no place.",
    });
    pub const StatPlace: Key = Key(&Texts {
        vi: "Hạng",
        en: "Place",
    });
    pub const StatProvince: Key = Key(&Texts {
        vi: "Tỉnh, thành phố",
        en: "Province",
    });
    pub const StatSortedHighFirst: Key = Key(&Texts {
        vi: "cao nhất trước",
        en: "highest first",
    });
    pub const StatSortedLowFirst: Key = Key(&Texts {
        vi: "thấp nhất trước",
        en: "lowest first",
    });
    pub const StatServicesTitle: Key = Key(&Texts {
        vi: "Các dịch vụ và chỉ tiêu",
        en: "Services and the target",
    });
    pub const StatProvincesReaching: Key = Key(&Texts {
        vi: "Số tỉnh đạt chỉ tiêu",
        en: "Provinces reaching the target",
    });
    pub const StatProvincesBelow: Key = Key(&Texts {
        vi: "Tỉnh, thành phố chưa đạt",
        en: "Provinces below it",
    });
    pub const StatNone: Key = Key(&Texts {
        vi: "Không có",
        en: "None",
    });
    pub const StatDownloads: Key = Key(&Texts {
        vi: "Tải bảng về",
        en: "Download the table",
    });
    pub const StatEmptyTitle: Key = Key(&Texts {
        vi: "Không có hồ sơ nào trong lựa chọn này",
        en: "No dossiers in this selection",
    });
    pub const StatEmptyBody: Key = Key(&Texts {
        vi: "Chưa có hồ sơ nào được nộp hoặc giải quyết trong kỳ và phạm vi đã chọn. Hãy chọn kỳ, phạm vi hoặc dịch vụ khác.",
        en: "No dossier was filed or decided in the period and area chosen. Choose another period, area or service.",
    });
    pub const StatLoadErrorTitle: Key = Key(&Texts {
        vi: "Không tải được số liệu thống kê",
        en: "The statistics could not be loaded",
    });
    // An embedded service card (`<dvc-service>`) on a province's or a ministry's site.
    pub const EmbedApply: Key = Key(&Texts {
        vi: "Nộp trực tuyến",
        en: "Apply online",
    });
    pub const EmbedDetails: Key = Key(&Texts {
        vi: "Xem đầy đủ thủ tục",
        en: "See the whole procedure",
    });
    // Said after a link's text when the link opens the portal in a new page.
    pub const OpensInNewPage: Key = Key(&Texts {
        vi: " (mở trang mới)",
        en: " (opens in a new page)",
    });
    pub const EmbedReceivingAgency: Key = Key(&Texts {
        vi: "Cơ quan tiếp nhận",
        en: "Received by",
    });
    pub const EmbedNoForm: Key = Key(&Texts {
        vi: "Thủ tục này chưa nộp trực tuyến được trên Cổng.",
        en: "This procedure cannot be filed online on the portal yet.",
    });
    pub const EmbedNoService: Key = Key(&Texts {
        vi: "Phần tử này chưa chỉ ra dịch vụ nào (thuộc tính service).",
        en: "This element names no service (its service attribute).",
    });
    // The page for other sites' web teams (`/embed`); its title is the footer's link too.
    pub const EmbedTitle: Key = Key(&Texts {
        vi: "Nhúng dịch vụ công vào trang của bạn",
        en: "Embed public services in your site",
    });
    pub const EmbedIntro: Key = Key(&Texts {
        vi: "Trang của tỉnh, thành phố hoặc bộ, ngành có thể hiển thị ngay trên trang danh mục dịch vụ công quốc gia đã lọc theo tỉnh của mình, và thẻ của từng dịch vụ, bằng một thẻ script và một phần tử. Người dân vẫn nộp hồ sơ trên Cổng, trong một trang mới, nên phiên đăng nhập và hồ sơ không rời Cổng.",
        en: "A province's, city's, ministry's or agency's site can show the national catalogue of public services, filtered to its province, and each service's card, inside its own pages, with one script tag and one element. People still file on the portal, in a new page, so their session and dossier never leave it.",
    });
    pub const EmbedChooseTitle: Key = Key(&Texts {
        vi: "Chọn phần tử",
        en: "Choose the element",
    });
    pub const EmbedElement: Key = Key(&Texts {
        vi: "Phần tử",
        en: "Element",
    });
    pub const EmbedElementSearch: Key = Key(&Texts {
        vi: "Tìm kiếm dịch vụ (dvc-service-search)",
        en: "Service search (dvc-service-search)",
    });
    pub const EmbedElementCard: Key = Key(&Texts {
        vi: "Thẻ một dịch vụ (dvc-service)",
        en: "One service's card (dvc-service)",
    });
    pub const EmbedProvince: Key = Key(&Texts {
        vi: "Tỉnh, thành phố",
        en: "Province or city",
    });
    pub const EmbedLanguage: Key = Key(&Texts {
        vi: "Ngôn ngữ",
        en: "Language",
    });
    pub const EmbedService: Key = Key(&Texts {
        vi: "Dịch vụ",
        en: "Service",
    });
    pub const EmbedSnippetTitle: Key = Key(&Texts {
        vi: "Đoạn mã để chép vào trang",
        en: "The snippet for your page",
    });
    pub const EmbedSnippetHint: Key = Key(&Texts {
        vi: "Chép đoạn mã này vào nơi cần hiển thị. Liên kết bên trong phần tử hiện ra khi trình duyệt không chạy được phần tử.",
        en: "Paste it where the element should appear. The link inside the element shows when a browser cannot run the element.",
    });
    pub const EmbedCopy: Key = Key(&Texts {
        vi: "Chép đoạn mã",
        en: "Copy the snippet",
    });
    pub const EmbedCopied: Key = Key(&Texts {
        vi: "Đã chép đoạn mã.",
        en: "The snippet has been copied.",
    });
    pub const EmbedCopyFailed: Key = Key(&Texts {
        vi: "Không chép được, hãy chọn đoạn mã và chép bằng bàn phím.",
        en: "It could not be copied: select the snippet and copy it with the keyboard.",
    });
    pub const EmbedPreviewTitle: Key = Key(&Texts {
        vi: "Xem trước",
        en: "Preview",
    });
    pub const EmbedAttributesTitle: Key = Key(&Texts {
        vi: "Thuộc tính",
        en: "Attributes",
    });
    pub const EmbedAttributesIntro: Key = Key(&Texts {
        vi: "Mọi thuộc tính có thể đổi sau khi trang đã tải, phần tử sẽ hiển thị theo.",
        en: "Every attribute can change after the page has loaded, and the element follows.",
    });
    pub const EmbedColumnName: Key = Key(&Texts {
        vi: "Tên",
        en: "Name",
    });
    pub const EmbedColumnElement: Key = Key(&Texts {
        vi: "Phần tử",
        en: "Element",
    });
    pub const EmbedColumnMeaning: Key = Key(&Texts {
        vi: "Ý nghĩa",
        en: "Meaning",
    });
    pub const EmbedAttrProvince: Key = Key(&Texts {
        vi: "Mã tỉnh, thành phố hai chữ số (ví dụ 79). Tìm kiếm chỉ liệt kê dịch vụ mà người dân tỉnh đó nộp trực tuyến được qua Cổng; thẻ ghi cơ quan tiếp nhận của tỉnh. Không có thuộc tính này, tìm kiếm cho người dùng tự chọn tỉnh.",
        en: "The province's two-digit code (for example 79). The search lists only the services that province's people can file online through the portal; the card names the province's receiving agency. Without it, the search lets people choose the province.",
    });
    pub const EmbedAttrLang: Key = Key(&Texts {
        vi: "vi (mặc định) hoặc en.",
        en: "vi (the default) or en.",
    });
    pub const EmbedAttrAudience: Key = Key(&Texts {
        vi: "citizen hoặc business: chỉ dịch vụ cho công dân, hoặc cho doanh nghiệp.",
        en: "citizen or business: only the services for citizens, or for businesses.",
    });
    pub const EmbedAttrTopic: Key = Key(&Texts {
        vi: "Mã chủ đề hoặc sự kiện của danh mục (ví dụ family, residence): lọc sẵn theo chủ đề.",
        en: "A topic or life event of the catalogue (for example family, residence): filtered to it.",
    });
    pub const EmbedAttrQuery: Key = Key(&Texts {
        vi: "Từ khóa tìm kiếm ban đầu.",
        en: "The search's first words.",
    });
    pub const EmbedAttrService: Key = Key(&Texts {
        vi: "Mã dịch vụ (ví dụ birth-registration).",
        en: "The service's id (for example birth-registration).",
    });
    pub const EmbedEventsTitle: Key = Key(&Texts {
        vi: "Sự kiện",
        en: "Events",
    });
    pub const EmbedEventsIntro: Key = Key(&Texts {
        vi: "Phần tử phát các sự kiện DOM sau; trang của bạn nghe bằng addEventListener. Nội dung sự kiện ở event.detail.",
        en: "The element raises these DOM events; your page listens with addEventListener. What they carry is in event.detail.",
    });
    pub const EmbedColumnDetail: Key = Key(&Texts {
        vi: "event.detail",
        en: "event.detail",
    });
    pub const EmbedEventReady: Key = Key(&Texts {
        vi: "Dữ liệu đã tải xong và phần tử đã hiển thị.",
        en: "The data has loaded and the element is drawn.",
    });
    pub const EmbedEventSelect: Key = Key(&Texts {
        vi: "Người dùng chọn một dịch vụ trong kết quả tìm kiếm. Gọi preventDefault() để trang tự xử lý (ví dụ hiện thẻ dvc-service của dịch vụ đó) thay vì mở trang dịch vụ của Cổng.",
        en: "Someone chose a service among the results. Call preventDefault() to handle it in your page (for example by showing that service's dvc-service card) instead of opening the portal's page.",
    });
    pub const EmbedEventApply: Key = Key(&Texts {
        vi: "Người dùng bấm \"Nộp trực tuyến\"; biểu mẫu của Cổng mở trong trang mới.",
        en: "Someone pressed \"Apply online\"; the portal's form opens in a new page.",
    });
    pub const EmbedEventError: Key = Key(&Texts {
        vi: "Không tải được phần tử (mạng, hoặc chính sách bảo mật của trang); nội dung bên trong phần tử vẫn hiển thị.",
        en: "The element could not load (the network, or the page's security policy); what you wrote inside the element still shows.",
    });
    pub const EmbedRoomHint: Key = Key(&Texts {
        vi: "Để trang của bạn không bị xô lệch khi phần tử đang tải, hãy dành chỗ cho nó trong tệp CSS của trang (phần tử tự thêm thuộc tính loaded khi đã hiển thị xong):",
        en: "So that your page does not jump while the element loads, give it its room in your page's stylesheet (the element adds its loaded attribute once drawn):",
    });
    pub const EmbedLoadedAttribute: Key = Key(&Texts {
        vi: "Không phải sự kiện: thuộc tính phần tử tự thêm cho chính nó khi đã hiển thị xong hoặc không tải được (cùng lúc với dvc-ready hoặc dvc-error).",
        en: "Not an event: the attribute the element adds to itself once drawn, or once it could not load (with dvc-ready or dvc-error).",
    });
    pub const EmbedSecurityTitle: Key = Key(&Texts {
        vi: "Chính sách bảo mật nội dung và quyền truy cập",
        en: "Content Security Policy and access",
    });
    pub const EmbedSecurityCsp: Key = Key(&Texts {
        vi: "Nếu trang của bạn có Content-Security-Policy, thêm nguồn của Cổng vào hai chỉ thị sau (giữ các nguồn bạn đang có). Không cần thêm gì cho style-src: kiểu của phần tử nằm trong shadow DOM của nó.",
        en: "If your page has a Content-Security-Policy, add the portal's origin to these two directives (keep the sources you already have). style-src needs nothing: the element's styles stay in its shadow DOM.",
    });
    pub const EmbedSecurityOrigins: Key = Key(&Texts {
        vi: "Phần tử chỉ đọc danh mục công khai, không đọc thông tin cá nhân nào. Cổng chỉ trả lời các trang có địa chỉ gốc (origin) đã đăng ký: hãy gửi địa chỉ gốc của trang bạn (ví dụ https://dichvucong.tinh.gov.vn) cho đơn vị vận hành Cổng.",
        en: "The element reads the public catalogue only, nothing personal. The portal answers only sites whose origin is registered: send your site's origin (for example https://dichvucong.tinh.gov.vn) to the portal's operators.",
    });
    pub const EmbedVersionsTitle: Key = Key(&Texts {
        vi: "Phiên bản",
        en: "Versions",
    });
    pub const EmbedVersionsFollow: Key = Key(&Texts {
        vi: "luôn là bản mới nhất cùng số chính, nhận các sửa lỗi và cải tiến không làm thay đổi thuộc tính và sự kiện (khuyến nghị).",
        en: "always the newest version with the same major number: fixes and improvements that change no attribute or event (recommended).",
    });
    pub const EmbedVersionsPin: Key = Key(&Texts {
        vi: "cố định đúng phiên bản này.",
        en: "exactly this version, pinned.",
    });
    pub const EmbedChangelogTitle: Key = Key(&Texts {
        vi: "Nhật ký thay đổi",
        en: "Changelog",
    });
    pub const EmbedChangelog100: Key = Key(&Texts {
        vi: "Phiên bản đầu tiên: phần tử dvc-service-search và dvc-service; thuộc tính province, lang, audience, topic, q và service; sự kiện dvc-ready, dvc-service-select, dvc-apply và dvc-error.",
        en: "The first version: the dvc-service-search and dvc-service elements; the province, lang, audience, topic, q and service attributes; the dvc-ready, dvc-service-select, dvc-apply and dvc-error events.",
    });
    pub const EmbedBothElements: Key = Key(&Texts {
        vi: "cả hai",
        en: "both",
    });
}
