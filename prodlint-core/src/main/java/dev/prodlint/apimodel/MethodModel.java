package dev.prodlint.apimodel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One method (or module function) row of an API model.
 *
 * @param names     the method names this row covers
 * @param role      what the call does
 * @param returns   the type id of the result, if the rules should know it
 * @param resource  for ACQUIRE: "result" (default) or "receiver" (the receiver itself becomes open)
 * @param resourceArg for RELEASE on another object: the index of the argument that is released
 * @param sqlArg    the index of the argument holding SQL text
 * @param callback  for ACQUIRE in callback style: which callback parameters carry what
 * @param args      constraints on literal arguments, by index: {"0": "false"}
 * @param ownedByTransaction for ACQUIRE: inside a managed transaction the connection belongs to the
 *                  transaction, so only functions that release it themselves are checked
 * @param keyArgs   for cache reads: how many leading arguments name the entry (Spring's
 *                  {@code cache.get(key, Type.class)} has one); by default all but a callback
 * @param arity     the exact number of arguments the row applies to ({@code new RestTemplate()} has 0)
 * @param optionsArg the index of the options object ({@code fetch(url, init)} has 1)
 * @param timeoutOptions option keys, or builder methods, that bound how long the call or client
 *                  waits ({@code signal}, {@code timeout}, {@code connectTimeout})
 * @param httpMethod the HTTP method a request call always sends ({@code axios.post}: POST); for a
 *                  call that takes it from its options, {@code "options"}
 * @param data      for DB_WRITE: where the written values are, as argument paths ({@code "0.data"},
 *                  {@code "1"}, {@code "receiver"} for {@code record.save()})
 * @param filter    for reads and writes: where the row filter is ({@code "0.where"}, {@code "0"}); the
 *                  first path that the call has wins
 * @param paramsArg the index of the argument holding the SQL bindings (an array, or Java varargs
 *                  from there on); by default the one after {@code sqlArg}
 * @param op        for reads and writes, what the call does to rows when its name does not say it:
 *                  {@code read}, {@code insert}, {@code update}, {@code delete}, {@code upsert} (insert or
 *                  update, atomically), {@code save} (insert a new object or update a loaded one),
 *                  {@code increment} (a relative update: {@code x = x + n}), {@code insert-ignore}
 *                  (an insert that may insert nothing)
 * @param derivedQuery the method name is a Spring Data derived query ({@code findByUserIdAndStatus}):
 *                  its arguments filter the properties the name lists
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record MethodModel(
        @JsonProperty("names") List<String> names,
        @JsonProperty("role") Role role,
        @JsonProperty("returns") String returns,
        @JsonProperty("resource") String resource,
        @JsonProperty("resourceArg") Integer resourceArg,
        @JsonProperty("sqlArg") Integer sqlArg,
        @JsonProperty("callback") CallbackModel callback,
        @JsonProperty("args") Map<String, String> args,
        @JsonProperty("ownedByTransaction") Boolean ownedByTransaction,
        @JsonProperty("keyArgs") Integer keyArgs,
        @JsonProperty("arity") Integer arity,
        @JsonProperty("optionsArg") Integer optionsArg,
        @JsonProperty("timeoutOptions") List<String> timeoutOptions,
        @JsonProperty("httpMethod") String httpMethod,
        @JsonProperty("data") List<String> data,
        @JsonProperty("filter") List<String> filter,
        @JsonProperty("paramsArg") Integer paramsArg,
        @JsonProperty("derivedQuery") Boolean derivedQuery,
        @JsonProperty("op") String op) {

    public MethodModel {
        names = names == null ? List.of() : List.copyOf(names);
        args = args == null ? Map.of() : Map.copyOf(args);
        timeoutOptions = timeoutOptions == null ? List.of() : List.copyOf(timeoutOptions);
        data = data == null ? List.of() : List.copyOf(data);
        filter = filter == null ? List.of() : List.copyOf(filter);
    }

    public boolean isDerivedQuery() {
        return Boolean.TRUE.equals(derivedQuery);
    }

    public boolean acquiresReceiver() {
        return "receiver".equals(resource);
    }

    /** Callback parameters of an acquire in callback style ({@code pool.connect((err, client, done) => ...)}). */
    public record CallbackModel(@JsonProperty("error") Integer error,
                                @JsonProperty("resource") Integer resource,
                                @JsonProperty("release") Integer release) {
    }
}
