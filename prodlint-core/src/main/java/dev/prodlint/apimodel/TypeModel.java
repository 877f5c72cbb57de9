package dev.prodlint.apimodel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One type of an API model. Ids are {@code module#Export} for JavaScript ({@code pg#Pool}) and fully
 * qualified names for Java ({@code java.sql.Connection}).
 *
 * @param id        the type id
 * @param aliases   other ids under which the same type is reached
 * @param supertypes ids whose methods this type also has
 * @param nameHints receiver names that suggest this type when nothing else is known
 *                  ({@code pool}, {@code *Pool}); findings based on hints need corroboration
 * @param methods   the method rows
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record TypeModel(
        @JsonProperty("id") String id,
        @JsonProperty("aliases") List<String> aliases,
        @JsonProperty("supertypes") List<String> supertypes,
        @JsonProperty("nameHints") List<String> nameHints,
        @JsonProperty("methods") List<MethodModel> methods) {

    public TypeModel {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        supertypes = supertypes == null ? List.of() : List.copyOf(supertypes);
        nameHints = nameHints == null ? List.of() : List.copyOf(nameHints);
        methods = methods == null ? List.of() : List.copyOf(methods);
    }
}
