package dev.prodlint.apimodel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A module-level function of a JavaScript package ({@code mysql.createPool}) or a Java static method
 * reached without a type ({@code DataSourceUtils.getConnection} is a type method instead).
 *
 * @param id      {@code module#name}, e.g. {@code mysql2/promise#createPool}
 * @param method  what the call does and returns
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record FunctionModel(@JsonProperty("id") String id, @JsonProperty("method") MethodModel method) {
}
