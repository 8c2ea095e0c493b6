package jp.ceptoarhub.cloud;

import io.micronaut.core.annotation.Nullable;
import jp.ceptoarhub.cloud.CloudCodes.CodeList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The editable fields of a cloud service, declared once: their JSON name, column, type and limits drive validation
 * ({@link CloudRules}), storage ({@link CloudServiceRepository}), history snapshots and views ({@link CloudViews}).
 * Scalars have typed columns; the structured lists (items) and lists of codes are JSON columns (see V10).
 */
final class CloudFields {
    private CloudFields() {
    }

    enum Type {
        TEXT, BOOL, PAST_DATE, INT, PERCENT, CODE, CODES, COUNTRY, COUNTRIES, TEXTS, ITEMS;

        boolean list() {
            return this == CODES || this == COUNTRIES || this == TEXTS || this == ITEMS;
        }
    }

    /**
     * @param max  TEXT: characters (code points); lists: most entries; INT: largest value
     * @param min  INT: smallest value; TEXTS: characters (code points) per value
     */
    record Field(String name, Type type, int max, int min, @Nullable CodeList codes, List<Field> items,
                 boolean required) {
        String column() {
            return name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
        }

        Field mandatory() {
            return new Field(name, type, max, min, codes, items, true);
        }
    }

    static Field text(String name, int max) {
        return new Field(name, Type.TEXT, max, 0, null, List.of(), false);
    }

    static Field bool(String name) {
        return new Field(name, Type.BOOL, 0, 0, null, List.of(), false);
    }

    static Field pastDate(String name) {
        return new Field(name, Type.PAST_DATE, 0, 0, null, List.of(), false);
    }

    static Field integer(String name, int min, int max) {
        return new Field(name, Type.INT, max, min, null, List.of(), false);
    }

    static Field code(String name, CodeList codes) {
        return new Field(name, Type.CODE, 0, 0, codes, List.of(), false);
    }

    static Field codes(String name, CodeList codes) {
        return new Field(name, Type.CODES, codes.codes().size(), 0, codes, List.of(), false);
    }

    static Field items(String name, int max, Field... fields) {
        return new Field(name, Type.ITEMS, max, 0, null, List.of(fields), false);
    }

    static final int SHORT = 100;
    static final int NAME = 200;
    static final int MEDIUM = 500;
    static final int LONG = 1000;
    static final int NOTES = 2000;
    /** Most entries of the 設問55 checks and 設問56 measures lists (every code once plus OTHER entries). */
    static final int ITEMS_MAX = 40;

    /** One 設問55 check or 設問56 measure: code (OTHER needs otherText), status, evidence. */
    private static Field[] itemOf(CodeList codes) {
        return new Field[]{code("code", codes).mandatory(), text("otherText", NAME),
                code("status", CloudCodes.ITEM_STATUS).mandatory(), pastDate("evidenceDate"),
                text("evidence", MEDIUM), text("notes", MEDIUM)};
    }

    static final List<Field> ALL = List.of(
            // identification and structure
            text("providerName", NAME).mandatory(),
            text("serviceName", NAME).mandatory(),
            codes("serviceModels", CloudCodes.SERVICE_MODEL),
            code("deploymentModel", CloudCodes.DEPLOYMENT_MODEL),
            bool("multiCloud"),
            text("supportedServices", LONG),
            code("importance", CloudCodes.IMPORTANCE),
            text("dataCarried", LONG),
            bool("managedService"),
            code("reSubcontracting", CloudCodes.RE_SUBCONTRACTING),
            bool("reSubcontractingProhibited"),
            bool("resoldByIntermediary"),
            code("providerSupportStructure", CloudCodes.SUPPORT_STRUCTURE),
            items("contractParties", 20, code("role", CloudCodes.PARTY_ROLE).mandatory(), text("name", NAME).mandatory(),
                    bool("directContract"), text("termsConsented", MEDIUM), text("contact", MEDIUM)),
            items("dataRoles", 20, code("role", CloudCodes.DATA_ROLE).mandatory(), text("party", NAME).mandatory(),
                    bool("copyOutsideCloud")),
            // responsibility split
            items("responsibilities", 20, code("area", CloudCodes.RESPONSIBILITY_AREA).mandatory(),
                    code("owner", CloudCodes.RESPONSIBILITY_OWNER).mandatory(), text("party", NAME),
                    code("implementer", CloudCodes.IMPLEMENTER)),
            // data location
            new Field("providerCountry", Type.COUNTRY, 0, 0, null, List.of(), false),
            new Field("dataCountries", Type.COUNTRIES, 20, 0, null, List.of(), false),
            bool("dataCountryUnidentifiable"),
            text("dataCountryNotes", LONG),
            new Field("regions", Type.TEXTS, 20, SHORT, null, List.of(), false),
            bool("multiRegion"),
            text("foreignLawExposure", LONG),
            bool("customerManagedKeys"),
            text("keyManagement", LONG),
            bool("personalData"),
            code("personalDataTreatment", CloudCodes.PERSONAL_DATA_TREATMENT),
            code("personalDataBasis", CloudCodes.PERSONAL_DATA_BASIS),
            text("personalDataMeasures", LONG),
            // SLA, support, logs, exit
            new Field("slaAvailabilityPercent", Type.PERCENT, 0, 0, null, List.of(), false),
            text("slaNotes", LONG),
            bool("sloDisclosed"),
            bool("support24x365"),
            bool("onsiteSupport"),
            text("supportNotes", LONG),
            text("logTypes", LONG),
            integer("logRetentionDays", 0, 36500),
            bool("logFee"),
            text("logNotes", LONG),
            text("exitTerms", NOTES),
            // disclosure, notification, reliability
            text("disclosureNotes", LONG),
            text("notificationMethod", MEDIUM),
            bool("executiveSummaryNotices"),
            bool("prePublicationNotice"),
            bool("domesticOverseasParity"),
            text("outageHistory", LONG),
            items("certifications", 20, code("code", CloudCodes.CERTIFICATION).mandatory(), text("otherName", NAME),
                    pastDate("verifiedOn"), text("reference", NAME)),
            // 設問55 / 設問56
            items("checks", ITEMS_MAX, itemOf(CloudCodes.CHECK)),
            items("measures", ITEMS_MAX, itemOf(CloudCodes.MEASURE)),
            // user-side operation
            text("accountablePerson", SHORT),
            text("personsInCharge", NAME),
            text("threatInfoCollector", SHORT),
            items("communications", 3, code("link", CloudCodes.COMMUNICATION_LINK).mandatory(),
                    text("cadence", SHORT), bool("recordsRetained")),
            pastDate("lastAssessmentOn"),
            pastDate("lastPentestOn"),
            integer("assessmentIntervalMonths", 1, 120),
            codes("backupStrategies", CloudCodes.BACKUP_STRATEGY),
            text("endpointControls", LONG),
            bool("cyberInsurance"),
            items("incidentContacts", 30, code("kind", CloudCodes.CONTACT_KIND).mandatory(),
                    text("name", NAME).mandatory(), text("contact", MEDIUM), text("notes", MEDIUM)),
            // change tracking
            items("termsChanges", 50, pastDate("changedOn").mandatory(), text("description", LONG).mandatory(),
                    code("impactReview", CloudCodes.IMPACT_REVIEW).mandatory()),
            // owner and notes
            text("ownerName", SHORT),
            text("ownerRole", SHORT),
            text("notes", NOTES));

    static final Map<String, Field> BY_NAME = index(ALL);

    static Map<String, Field> index(List<Field> fields) {
        return fields.stream().collect(Collectors.toMap(Field::name, Function.identity(), (a, b) -> a,
                LinkedHashMap::new));
    }
}
