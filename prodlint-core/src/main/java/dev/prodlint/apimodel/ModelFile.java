package dev.prodlint.apimodel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The contents of one API model file (see docs/api-models.md). */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ModelFile(
        @JsonProperty("library") String library,
        @JsonProperty("language") String language,
        @JsonProperty("types") List<TypeModel> types,
        @JsonProperty("functions") List<FunctionModel> functions) {

    public ModelFile {
        types = types == null ? List.of() : List.copyOf(types);
        functions = functions == null ? List.of() : List.copyOf(functions);
    }
}
