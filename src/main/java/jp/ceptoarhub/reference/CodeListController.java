package jp.ceptoarhub.reference;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.CodeLists;
import jp.ceptoarhub.api.Labelled;
import jp.ceptoarhub.api.Labels;

import java.util.Comparator;
import java.util.List;

/** Every feature's coded enumerations with labels in the caller's language, for clients' forms ({@link CodeLists}). */
@Controller("/api/v1/reference/code-lists")
@Secured(SecurityRule.IS_AUTHENTICATED)
class CodeListController {
    private final List<CodeLists> sources;

    CodeListController(List<CodeLists> sources) {
        this.sources = sources;
    }

    @Get
    Catalogue codeLists(HttpRequest<?> request) {
        Labels lang = Labels.of(request);
        List<CodeList> lists = sources.stream()
                .flatMap(s -> s.codeLists().entrySet().stream())
                .map(e -> new CodeList(e.getKey(), e.getValue().stream().map(o -> option(o, lang)).toList()))
                .sorted(Comparator.comparing(CodeList::name))
                .toList();
        return new Catalogue(lists);
    }

    private static Option option(Labelled o, Labels lang) {
        return new Option(o.code(), o.label(lang), o.labelJa(), o.labelEn());
    }

    @Serdeable
    record Catalogue(List<CodeList> lists) {
    }

    @Serdeable
    record CodeList(String name, List<Option> options) {
    }

    @Serdeable
    record Option(String code, String label, String labelJa, String labelEn) {
    }
}
