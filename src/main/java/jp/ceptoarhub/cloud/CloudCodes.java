package jp.ceptoarhub.cloud;

import io.micronaut.core.annotation.Nullable;
import jp.ceptoarhub.api.Labels;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The enumerations of the cloud services inventory, each with Japanese and English labels and where it comes from:
 * NISC's クラウドサービス利用者向けのガイダンス (2021年11月30日, 2022年4月5日改定) and 重要インフラのサイバーセキュリティに
 * 係る安全基準等策定指針 (サイバーセキュリティ戦略本部, 2023年7月4日) 5.5.2 クラウドサービス利用時の対策. Line references
 * (per code, and below) are a secondary aid into the text extraction of those documents listed in
 * src/main/resources/db/REFERENCE-DATA.md ("Sources").
 * <p>
 * 設問55 (checks with the provider) prints no option list in either edition of NISC's 安全基準等の浸透状況に関する調査
 * (FY2024 report S000 L1110–1112, FY2023 S001 L769–771; catalogue optionsStatus NOT_IN_SOURCE) and 設問56
 * (operational measures) prints only 「その他」 (S000 L1128–1132). The check and measure codes below are therefore NOT
 * survey options: {@code SG2023-5.5.2-0n} are the six measure items of 指針 5.5.2 in the guideline's order
 * (L24950–24968); every other code is product-defined, named after an item the guidance itself lists (line cited per
 * code). {@code OTHER} carries text. src/main/resources/db/REFERENCE-DATA.md records the same split.
 */
final class CloudCodes {
    private CloudCodes() {
    }

    /** Whether the code list (or code) is printed in a source or defined by the product. */
    enum Origin {
        SOURCE, PRODUCT
    }

    record Code(String code, String labelJa, String labelEn, Origin origin, String source) {
        String label(Labels lang) {
            return lang.pick(labelJa, labelEn);
        }
    }

    record CodeList(String name, String descriptionEn, List<Code> codes) {
        Optional<Code> find(@Nullable String code) {
            return codes.stream().filter(c -> c.code().equals(code)).findFirst();
        }

        String codeNames() {
            return String.join(", ", codes.stream().map(Code::code).toList());
        }
    }

    private static Code src(String code, String ja, String en, String source) {
        return new Code(code, ja, en, Origin.SOURCE, source);
    }

    private static Code prd(String code, String ja, String en, String source) {
        return new Code(code, ja, en, Origin.PRODUCT, source);
    }

    static final CodeList SERVICE_MODEL = new CodeList("serviceModel",
            "Cloud service model (several = a mixed service).", List.of(
            src("IAAS", "IaaS", "IaaS (Infrastructure as a Service)", "L39647–39661, L41177–41197"),
            src("PAAS", "PaaS", "PaaS (Platform as a Service)", "L39647–39661, L41177–41197"),
            src("SAAS", "SaaS", "SaaS (Software as a Service)", "L39647–39661, L41177–41197"),
            src("CAAS", "CaaS", "CaaS (Container as a Service)", "L39671–39679"),
            src("FAAS", "FaaS", "FaaS (Function as a Service)", "L39671–39679")));

    static final CodeList DEPLOYMENT_MODEL = new CodeList("deploymentModel",
            "Deployment model (glossary; multi-cloud is the separate flag multiCloud).", List.of(
            src("PUBLIC", "パブリッククラウド", "Public cloud", "L41112–41176"),
            src("PRIVATE", "プライベートクラウド", "Private cloud", "L41112–41176"),
            src("HYBRID", "ハイブリッドクラウド", "Hybrid cloud", "L41150–41156")));

    static final CodeList IMPORTANCE = new CodeList("importance",
            "How important the supported system or business service is (drives log and support needs, L40322–40326);"
                    + " the three levels are product-defined.", List.of(
            prd("HIGH", "高（重要なシステム・サービス）", "High (important system or service)", "L40322–40326, L40660–40674"),
            prd("MEDIUM", "中", "Medium", "L40322–40326"),
            prd("LOW", "低", "Low", "L40322–40326")));

    static final CodeList RE_SUBCONTRACTING = new CodeList("reSubcontracting",
            "How deep the subcontracting chain goes (再委託・再々委託, L40104–40114); values product-defined.", List.of(
            prd("NONE", "再委託なし", "No subcontracting", "L40104–40114"),
            prd("SUBCONTRACT", "再委託あり", "Subcontracted (再委託)", "L40104–40110"),
            prd("SUB_SUBCONTRACT", "再々委託あり", "Sub-subcontracted (再々委託)", "L40104–40110"),
            prd("UNKNOWN", "不明", "Unknown", "L40104–40110")));

    static final CodeList SUPPORT_STRUCTURE = new CodeList("providerSupportStructure",
            "The provider's support structure (domestic / overseas sites, L39814–39820, L40472–40486); product-defined"
                    + " values after the cloud guidance.", List.of(
            prd("DOMESTIC_ONLY", "国内拠点のみで対応", "Supported from Japan only", "L39814–39820"),
            prd("DOMESTIC_AND_OVERSEAS", "国内及び海外拠点で対応", "Supported from Japan and overseas sites",
                    "L39814–39820, L40472–40486"),
            prd("OVERSEAS_FINAL_DECISION", "最終判断は海外拠点", "Final support decisions made overseas",
                    "L39814–39820")));

    static final CodeList PERSONAL_DATA_TREATMENT = new CodeList("personalDataTreatment",
            "How personal data stored on the service counts under the APPI (column, L40983–41056).", List.of(
            src("NOT_HANDLED_BY_PROVIDER", "提供事業者が個人データを取り扱わない（提供・委託に該当しない）",
                    "The provider does not handle the personal data (neither provision nor entrustment)",
                    "L40983–40997"),
            src("THIRD_PARTY_PROVISION", "第三者提供", "Provision to a third party", "L41021–41052"),
            src("ENTRUSTMENT", "委託", "Entrustment", "L41021–41056")));

    static final CodeList PERSONAL_DATA_BASIS = new CodeList("personalDataBasis",
            "Basis for provision to / entrustment with a provider located abroad (L41021–41052).", List.of(
            src("CONSENT", "本人の事前同意", "Prior consent of the data subject", "L41021–41052"),
            src("EQUIVALENT_MEASURES", "相当措置を継続的に講ずる体制", "Provider has a system for equivalent measures",
                    "L41021–41052"),
            src("EU_UK", "EU・英国（同等の水準の国）", "Provider located in the EU or the UK", "L41021–41052"),
            prd("NOT_REQUIRED", "不要（国内事業者又は提供・委託に該当しない）",
                    "Not required (domestic provider, or neither provision nor entrustment)", "L40983–41021")));

    static final CodeList CERTIFICATION = new CodeList("certification",
            "Certifications and registrations of the service (L40338–40340, L40747–40771, L41276–41290).", List.of(
            src("ISMAP", "ISMAP（政府情報システムのためのセキュリティ評価制度）",
                    "ISMAP (Information system Security Management and Assessment Program)", "L40338–40340, L41276–41282"),
            src("ISO_IEC_27001", "ISO/IEC 27001", "ISO/IEC 27001 (ISMS)", "L40747–40771"),
            src("ISO_IEC_27017", "ISO/IEC 27017", "ISO/IEC 27017 (cloud security)", "L40747–40771"),
            src("FEDRAMP", "FedRAMP", "FedRAMP (US)", "L40338–40340, L41286–41290"),
            prd("OTHER", "その他", "Other (name in otherName)", "product-defined")));

    static final CodeList PARTY_ROLE = new CodeList("partyRole",
            "Stakeholders in the system view (表1, L39787–39825), the user and customer excluded.", List.of(
            src("SELLER", "販売者", "Seller / reseller", "L39787–39825"),
            src("BUILDER", "構築者", "Builder", "L39787–39825"),
            src("INSTALLER", "設置者", "Installer", "L39787–39825"),
            src("OPERATOR", "運用者", "Operator", "L39787–39825"),
            src("CLOUD_PROVIDER", "クラウド事業者", "Cloud provider", "L39787–39825")));

    static final CodeList DATA_ROLE = new CodeList("dataRole",
            "Stakeholders in the data view (表2, L39862–39874).", List.of(
            src("HOLDER", "保有者", "Holder", "L39862–39874"),
            src("STORER", "保存者", "Storer", "L39862–39874"),
            src("CUSTODIAN", "保管者", "Custodian", "L39862–39874"),
            src("DATA_USER", "使用者", "Data user", "L39862–39874"),
            src("PROCESSOR", "加工者", "Processor", "L39862–39874")));

    static final CodeList RESPONSIBILITY_AREA = new CodeList("responsibilityArea",
            "Areas of the shared-responsibility split: the user's four areas (L40026–40092) and the provider-side"
                    + " layers of the NSA split (L40016–40022).", List.of(
            src("POLICY", "ポリシー", "Policy", "L40034–40044"),
            src("CONFIGURATION", "設定", "Configuration", "L40048–40060"),
            src("ENDPOINT", "端末", "Endpoints", "L40064–40070"),
            src("DATA", "データ", "Data", "L40074–40082"),
            src("APPLICATION", "アプリケーション", "Application", "L40016–40022"),
            src("OS", "OS", "Operating system", "L40016–40022"),
            src("VIRTUALIZATION", "仮想化", "Virtualization", "L40016–40022"),
            src("ENVIRONMENT", "環境", "Environment (facilities, hardware)", "L40016–40022")));

    static final CodeList RESPONSIBILITY_OWNER = new CodeList("responsibilityOwner",
            "Who is responsible for an area (cloud guidance, L39957–39967); product-defined values.", List.of(
            prd("USER", "利用者", "User (own organisation)", "L39957–39961"),
            prd("PROVIDER", "クラウド事業者", "Cloud provider", "L39947–39955"),
            prd("SHARED", "共有", "Shared", "L39949–39955"),
            prd("OUTSOURCED", "外部委託（party に記載）", "Outsourced to the named party", "L39961–39967")));

    static final CodeList IMPLEMENTER = new CodeList("implementer",
            "Who implements the user's part (L40411–40442).", List.of(
            src("USER", "利用者", "User (own organisation)", "L40411–40442"),
            src("BUILDER", "構築者", "Builder", "L40411–40442"),
            src("INSTALLER", "設置者", "Installer", "L40411–40442"),
            src("OPERATOR", "運用者", "Operator", "L40411–40442")));

    static final CodeList COMMUNICATION_LINK = new CodeList("communicationLink",
            "The three communication links held in normal times (L40563–40633).", List.of(
            src("USER_OPERATOR", "利用者・運用者間", "User ↔ operator", "L40583–40597"),
            src("OPERATOR_PROVIDER", "運用者・クラウド事業者間", "Operator ↔ provider", "L40601–40615"),
            src("PROVIDER_USER", "クラウド事業者・利用者間", "Provider ↔ user", "L40619–40633")));

    static final CodeList BACKUP_STRATEGY = new CodeList("backupStrategy",
            "Backup arrangements for business continuity (L40074–40082, L40403–40407, L39903–39921).", List.of(
            src("MULTI_CLOUD", "マルチクラウド", "Multi-cloud", "L40074–40082, L41160–41168"),
            src("OFFLINE", "オフラインバックアップ", "Offline backup", "L40074–40082"),
            src("MULTI_REGION", "複数リージョン", "Multiple regions", "L39903–39921")));

    static final CodeList CONTACT_KIND = new CodeList("contactKind",
            "Incident-response contacts to know in advance (L40692–40696, L40774–40816, L40932–40934).", List.of(
            src("PROVIDER", "クラウド事業者の窓口", "Cloud provider contact", "L40692–40696, L40932–40934"),
            src("OPERATOR", "運用者", "Operator", "L40692–40696"),
            src("BUILDER", "構築者", "Builder", "L40692–40696"),
            src("SELLER", "販売者", "Seller", "L40692–40696"),
            src("INVESTIGATOR", "調査・分析を依頼する組織", "Investigation and analysis organisation", "L40692–40696"),
            src("SUPERVISORY_AUTHORITY", "監督官庁", "Supervisory authority", "L40774–40804"),
            src("LAW_ENFORCEMENT", "法執行機関", "Law enforcement", "L40774–40804"),
            src("PPC", "個人情報保護委員会", "Personal Information Protection Commission", "L40774–40804"),
            src("PUBLIC_RELATIONS", "自組織の広報", "Own public relations", "L40774–40804"),
            src("LEGAL", "自組織の法務", "Own legal department", "L40774–40804"),
            src("COMMUNITY", "コミュニティ（日本シーサート協議会等）", "Community (e.g. NCA)", "L40806–40816")));

    static final CodeList IMPACT_REVIEW = new CodeList("impactReview",
            "Impact-review state of a provider's change of specifications or terms (L39695–39703, L40185–40189,"
                    + " L40546–40552); product-defined values.", List.of(
            prd("PENDING", "影響確認中", "Impact review pending", "L40546–40552"),
            prd("NO_IMPACT", "影響なし", "No impact", "L40546–40552"),
            prd("ACTION_REQUIRED", "対応要", "Action required", "L40546–40552"),
            prd("ADDRESSED", "対応済", "Addressed", "L40546–40552")));

    static final CodeList ITEM_STATUS = new CodeList("itemStatus",
            "State of a 設問55 check or 設問56 measure; product-defined (the survey only asks which are done).",
            List.of(
            prd("DONE", "実施済", "Done", "product-defined"),
            prd("PARTIAL", "一部実施", "Partly done", "product-defined"),
            prd("NOT_DONE", "未実施", "Not done", "product-defined"),
            prd("NOT_APPLICABLE", "該当なし", "Not applicable", "product-defined")));

    /** 設問55 クラウドサービス提供事業者への確認事項: what the member checks with the provider. */
    static final CodeList CHECK = new CodeList("check",
            "設問55 items checked with the cloud provider. The survey prints no option list (FY2024 report 別冊,"
                    + " S000 L1110–1112): product-defined codes after the cloud guidance's own lists; OTHER carries text.", List.of(
            prd("TERMS_CLOUD_SLA", "クラウドサービスレベル合意書（Cloud SLA）", "Cloud SLA document", "L40265–40279"),
            prd("TERMS_ACCEPTABLE_USE", "利用ポリシー", "Acceptable Use Policy", "L40265–40279"),
            prd("TERMS_SECURITY_POLICY", "セキュリティポリシー", "Security Policy", "L40265–40279"),
            prd("TERMS_DATA_PROTECTION", "データ保護ポリシー", "Data Protection Policy", "L40265–40279"),
            prd("TERMS_BUSINESS_CONTINUITY", "事業継続ポリシー", "Business Continuity Policy", "L40265–40279"),
            prd("TERMS_UPGRADE", "アップグレードポリシー", "Upgrade Policy", "L40265–40279"),
            prd("TERMS_TERMINATION", "終了ポリシー", "Termination Policy", "L40265–40279"),
            prd("STANDARD_FORM_TERMS", "定型約款への該当性（法務部門と確認）",
                    "Whether the terms are standard-form terms (checked with legal)", "L40191–40207"),
            prd("SLA", "SLA（稼働率・前提条件・返金規定）・SLO", "SLA (availability, preconditions, refunds) and SLO",
                    "L40707–40743, L41201–41217"),
            prd("SUPPORT_NORMAL", "平常時の支援内容", "Support in normal times", "L40179–40183"),
            prd("SUPPORT_INCIDENT", "インシデント発生時の支援内容（24/365・オンサイト等）",
                    "Support during incidents (24/365, onsite, paid options)", "L40179–40183, L40660–40674"),
            prd("LOGS", "提供可能なログ（種類・保存期間・費用・取得フロー）",
                    "Logs available (types, retention, fee, acquisition flow)", "L40322–40330, L40678–40688"),
            prd("DATA_HANDLING", "データの取扱い（保存・バックアップ・利用終了時の破棄）",
                    "Data handling (storage, backup, disposal at termination)", "L40179–40183, L40336–40338"),
            prd("DAMAGES", "損害賠償", "Damages and compensation", "L40179–40183"),
            prd("DATA_LOCATION", "データの所在（データセンターの国・リージョン）及び外国法の影響",
                    "Data location (data-centre country, regions) and foreign-law exposure", "L39875–39937"),
            prd("PERSONAL_DATA", "個人データの取扱い（事業者及びサーバの所在国）",
                    "Personal data (provider and server countries)", "L40983–41056"),
            prd("CERTIFICATIONS", "第三者認証（ISMAP・ISO/IEC 27001/27017 等）",
                    "Certifications (ISMAP, ISO/IEC 27001/27017, ...)", "L40338–40340, L40747–40771"),
            prd("DISCLOSURE_POLICY", "情報開示方針（障害情報の公開方法等）",
                    "Disclosure policy (how outage information is published)", "L40342–40353"),
            prd("INCIDENT_NOTIFICATION", "インシデント・仕様変更の通知方法", "How incidents and spec changes are notified",
                    "L40571–40615, L40936–40940"),
            prd("RELIABILITY_RECORD", "稼働実績・過去の障害履歴", "Availability record and past outages",
                    "L40334–40336, L40650–40656"),
            prd("SUPPORT_STRUCTURE", "国内外のサポート体制", "Domestic and overseas support structure",
                    "L39814–39820"),
            prd("DESIGN_GUIDES", "設計ガイド・FAQ・サポート窓口", "Design guides, FAQ and support channels",
                    "L40387–40391"),
            prd("OTHER", "その他", "Other (text in otherText)", "product-defined")));

    /** 設問56 クラウドサービス利用に関する運用対策: the member's own operational measures. */
    static final CodeList MEASURE = new CodeList("measure",
            "設問56 operational measures. The survey prints only 「その他」 (FY2024 report 別冊, S000 L1128–1132):"
                    + " SG2023-5.5.2-0n are the 指針 5.5.2 measure items (L24950–24968); the other codes are"
                    + " product-defined after the cloud guidance; OTHER carries text.", List.of(
            src("SG2023-5.5.2-01", "利用するクラウドサービスの仕様を確認し理解を深める",
                    "Check and understand the specifications of the cloud service", "L24952"),
            src("SG2023-5.5.2-02", "責任共有モデルを理解し、クラウドサービス提供者との責任範囲等を明確にする",
                    "Understand the shared-responsibility model and define the scope of responsibility",
                    "L24954–24956, L24971–24973"),
            src("SG2023-5.5.2-03", "情報公開等の設定にミスがないか確認する",
                    "Check publication and other settings for misconfiguration", "L24958"),
            src("SG2023-5.5.2-04", "サービス仕様が変わる際には影響を確認する",
                    "Check the impact when the service specifications change", "L24960"),
            src("SG2023-5.5.2-05", "多岐にわたるステークホルダーを把握し、情報共有体制・インシデント対応体制を構築する",
                    "Identify the stakeholders; set up information sharing and incident response", "L24962–24964"),
            src("SG2023-5.5.2-06", "クラウドサービスの利用終了時に、クラウドサービス上のデータの取扱いについて確認する",
                    "At the end of use, confirm how data on the service is handled", "L24966–24968"),
            prd("ACCOUNTABLE_PERSON", "責任者（利用停止等を判断）の任命",
                    "Accountable person appointed (decides on suspending use)", "L40497–40512"),
            prd("PERSONS_IN_CHARGE", "担当者の任命", "Persons in charge appointed", "L40514–40516"),
            prd("THREAT_INFO_COLLECTOR", "脅威・脆弱性情報の収集・周知担当の任命",
                    "Threat and vulnerability information collector appointed", "L40518–40526"),
            prd("SETTINGS_REVIEW", "ガイドに基づく設定の定期的な見直し", "Periodic review of settings against guides",
                    "L40546–40558"),
            prd("PERIODIC_CONSULTATION", "関係者との定期的な協議", "Periodic consultation with the stakeholders",
                    "L40563–40633"),
            prd("RECORDS_RETAINED", "議事録・確認した規約等を利用期間中保管",
                    "Minutes and checked terms kept for the period of use", "L40583–40597, L40619–40633"),
            prd("THIRD_PARTY_ASSESSMENT", "第三者による設定・脆弱性診断、ペネトレーションテスト",
                    "Third-party configuration/vulnerability assessment and penetration test", "L40448–40464"),
            prd("POLICY_CONFLICT_CHECK", "組織のポリシーとの整合確認", "Conflicts with organisational policy checked",
                    "L40357–40369"),
            prd("BACKUP", "マルチクラウド・オフライン等によるバックアップ", "Backup (multi-cloud, offline, multi-region)",
                    "L40074–40082, L40403–40407"),
            prd("ENDPOINT_CONTROLS", "端末（テレワーク含む）の対策", "Endpoint controls (including telework)",
                    "L40064–40070"),
            prd("INCIDENT_CONTACTS", "インシデント時の連絡先・調査機関の事前把握",
                    "Incident contacts and investigator decided in advance", "L40692–40696"),
            prd("COMMUNITY_PARTICIPATION", "コミュニティ（日本シーサート協議会等）への参加",
                    "Participation in a community such as NCA", "L40806–40816"),
            prd("CYBER_INSURANCE", "サイバーリスク保険", "Cyber-risk insurance", "L39756–39760"),
            src("OTHER", "その他", "Other (text in otherText)", "安全基準等の浸透状況に関する調査結果について［2024年度］ 別冊 設問56 (S000 L1128–1132)")));

    /** Every code list, by name, for the reference endpoint and the spec. */
    static final Map<String, CodeList> ALL;

    static {
        Map<String, CodeList> m = new LinkedHashMap<>();
        for (CodeList l : List.of(SERVICE_MODEL, DEPLOYMENT_MODEL, IMPORTANCE, RE_SUBCONTRACTING, SUPPORT_STRUCTURE,
                PERSONAL_DATA_TREATMENT, PERSONAL_DATA_BASIS, CERTIFICATION, PARTY_ROLE, DATA_ROLE,
                RESPONSIBILITY_AREA, RESPONSIBILITY_OWNER, IMPLEMENTER, COMMUNICATION_LINK, BACKUP_STRATEGY,
                CONTACT_KIND, IMPACT_REVIEW, ITEM_STATUS, CHECK, MEASURE)) {
            m.put(l.name(), l);
        }
        ALL = Collections.unmodifiableMap(m);
    }
}
