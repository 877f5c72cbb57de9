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
 * @param members   the types of properties, by name or {@code "*"} for all: Prisma's {@code prisma.user}
 * @param inProcess a map in the process's own memory: only a field shared between requests is a
 *                  cache, and in JavaScript only an {@code await} lets two requests miss together
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record TypeModel(
        @JsonProperty("id") String id,
        @JsonProperty("aliases") List<String> aliases,
        @JsonProperty("supertypes") List<String> supertypes,
        @JsonProperty("nameHints") List<String> nameHints,
        @JsonProperty("methods") List<MethodModel> methods,
        @JsonProperty("members") java.util.Map<String, String> members,
        @JsonProperty("inProcess") Boolean inProcess) {

    public TypeModel {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        supertypes = supertypes == null ? List.of() : List.copyOf(supertypes);
        nameHints = nameHints == null ? List.of() : List.copyOf(nameHints);
        methods = methods == null ? List.of() : List.copyOf(methods);
        members = members == null ? java.util.Map.of() : java.util.Map.copyOf(members);
    }

    public boolean isInProcess() {
        return Boolean.TRUE.equals(inProcess);
    }

    /** The type id of property {@code name}, or null. */
    public String memberType(String name) {
        String t = members.get(name);
        return t != null ? t : members.get("*");
    }
}
