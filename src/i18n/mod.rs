//! The portal's message catalogues. Every piece of UI text is a [`Key`]; each language
//! module maps every key to its text with an exhaustive `match`, so a missing
//! translation is a compile error rather than a blank label.

mod en;
mod vi;

use leptos::prelude::*;
pub use portal_core::Lang;

/// A piece of UI text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    PortalName,
    PortalTagline,
    SkipToContent,
    PhaseBanner,
    SwitchLanguage,
    FooterAbout,
    FooterNote,
    CatalogueTitle,
    CatalogueIntro,
    CatalogueCount,
    Loading,
    LoadErrorTitle,
    LoadErrorBody,
    Retry,
    ServiceNotFoundTitle,
    ServiceNotFoundBody,
    NotFoundTitle,
    NotFoundBody,
    BackToCatalogue,
    Breadcrumbs,
    Home,
    Bundle,
    LevelMinistry,
    LevelProvince,
    LevelCommune,
    AudienceCitizen,
    AudienceBusiness,
    FullProcess,
    Partial,
    Free,
    FeeFrom,
    FeeVaries,
    Agency,
    Level,
    Audience,
    OnlineLevel,
    ProcedureCodes,
    Fees,
    FeeCase,
    FeeInPerson,
    FeeOnline,
    FeeNotFixed,
    ProcessingTime,
    Documents,
    DocumentInVneid,
    DocumentOptional,
    Eligibility,
    LegalBasis,
    NeedsCheck,
    LinkedProcedures,
    Start,
    StartNote,
    Source,
    SearchLabel,
    SearchHint,
    SearchButton,
    FiltersLegend,
    FilterAny,
    NoResults,
    NoResultsFiltered,
    NoResultsTips,
    ClosestIntro,
    ClearSearch,
    ShowMore,
    FilterTopic,
    LifeEvents,
    Subjects,
    OptionalProcedure,
    OptionalSuffix,
    HintDate,
    HintPhone,
    HintPersonalId,
    HintTaxCode,
    HintTaxCodeOrId,
    PrefilledLocked,
    Yes,
    No,
    Declared,
    SexMale,
    SexFemale,
    ChooseOne,
    PartFullName,
    PartBirthDate,
    PartIdNumber,
    PartSex,
    Remove,
    AddAnother,
    ErrorSummaryTitle,
    Back,
    StepOf,
    DraftSaved,
    DiscardDraft,
    FormChangedTitle,
    FormChangedBody,
    SaveAndReturn,
    Continue,
    CheckAnswersTitle,
    NotProvided,
    Change,
    ResumeApplication,
    PartStreet,
    GalleryTitle,
    GalleryIntro,
    Contents,
    ExampleAccepted,
    ExampleRefused,
    LargeFormTitle,
    UploadSignIn,
    UploadTooLarge,
    UploadWrongType,
    UploadDamaged,
    UploadNetwork,
    UploadFailed,
    UploadLimits,
    Uploaded,
    SignIn,
    A11yTitle,
    A11yIntro,
    A11yStatusTitle,
    A11yStatus,
    A11yTestedTitle,
    A11yTestedAxe,
    A11yTestedKeyboard,
    A11yTestedReflow,
    A11yTestedMotion,
    A11yTestedLighthouse,
    A11yKnownTitle,
    A11yKnownSignIn,
    A11yKnownManual,
    A11yContactTitle,
    A11yContact,
    A11yLink,
    ErrorPrefix,
    AddressProvince,
    AddressChooseProvince,
    AddressCommune,
    AddressChooseCommune,
    AddressFilter,
    AddressFilterHint,
    AddressCount,
    AddressMatches,
    AddressNoMatch,
    AddressLoadError,
    LegacyToggle,
    LegacyIntro,
    LegacyWard,
    LegacyWardHint,
    LegacyDistrict,
    LegacyDistrictHint,
    LegacyProvince,
    LegacyProvinceHint,
    LegacyWardMissing,
    LegacyProvinceMissing,
    LegacyFind,
    LegacyFound,
    LegacyNone,
    LegacyError,
    LegacyNowIn,
    LegacySplit,
    LegacyUse,
    LegacyChosen,
    WhereTitle,
    WhereIntro,
    WhereLegend,
    WhereHandledBy,
    WhereChooseCommune,
    WhereChooseProvince,
}

/// Text of `key` in `lang`.
pub fn text(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::Vi => vi::text(key),
        Lang::En => en::text(key),
    }
}

/// The current language, shared through context.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

impl I18n {
    /// Reactive lookup: re-runs when the language changes.
    pub fn t(&self, key: Key) -> &'static str {
        text(self.lang.get(), key)
    }
}

/// The language chosen by the app's root (panics only if the root forgot to provide it,
/// which every test and the app do).
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// `count` services, with the number formatted for the language.
pub fn service_count(lang: Lang, count: usize) -> String {
    text(lang, Key::CatalogueCount).replace("{n}", &count.to_string())
}
